import { chinaDay } from '@qh/domain';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeSessionApi, jsonResponse, mountApp, settle, userWithRole } from '../../../testing/app';
import type { InvoiceRequest } from '../../shop/invoices';
import {
  captureDownloads,
  invoiceRequest,
  issuedInvoice,
  orderInvoice,
  pdfResponse,
  TAX_NUMBER,
} from '../../shop/testing/invoice-fixtures';

let wrapper: VueWrapper | undefined;

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

type Handler = (request: Request) => Response | Promise<Response>;

const LIST = '/api/coop/invoice-requests';
const UPLOAD = `${LIST}/ir-1/invoice`;

/** A special invoice for the canteen, open for nine days; a red-letter one for a refund; one issued already. */
const REQUESTS = (): InvoiceRequest[] => [
  invoiceRequest({
    overdue: true,
    openDays: 9,
    invoice: orderInvoice({
      kind: 'SPECIAL',
      title: '广州市天河区机关事务管理局饭堂',
      address: '广州市天河区天府路 1 号',
      phone: '020-38880000',
      bankName: '中国工商银行广州天河支行',
      bankAccount: '3602 0000 0920 0123 456',
    }),
  }),
  invoiceRequest({ id: 'ir-2', kind: 'RED_LETTER', orderNumber: 'QH20261101-000007', amountFen: 8_000 }),
  issuedInvoice({ id: 'ir-3', orderNumber: 'QH20261120-000045' }),
];

async function openInvoices(routes: Record<string, Handler> = {}, requests: () => InvoiceRequest[] = REQUESTS) {
  const api = fakeSessionApi(userWithRole('cooperative'), {
    [`GET ${LIST}`]: () => jsonResponse(200, { items: requests() }),
    ...routes,
  });
  ({ wrapper } = await mountApp({ path: '/coop/invoices' }));
  await settle();
  return { app: wrapper!, api };
}

const card = (app: VueWrapper, id: string) => app.get(`[data-testid="coop-invoice"][data-id="${id}"]`);

/** Types the invoice number and picks a PDF in the first request's form. */
async function fillUpload(app: VueWrapper, number = '26442000000012345678') {
  const form = card(app, 'ir-1');
  await form.get('[data-testid="issue-number"]').setValue(number);
  const input = form.get<HTMLInputElement>('[data-testid="issue-file"]');
  Object.defineProperty(input.element, 'files', {
    value: [new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'fapiao.pdf', { type: 'application/pdf' })],
  });
  await input.trigger('change');
}

const submit = async (app: VueWrapper) => {
  await card(app, 'ir-1').get('[data-testid="issue-form"]').trigger('submit');
  await settle();
};

describe('a cooperative’s invoices page', () => {
  it('is in the portal’s nav and lists the requests, open first, with whom to invoice and the exact amount due', async () => {
    const { app, api } = await openInvoices();

    expect(app.get('h1').text()).toBe('发票');
    expect(app.get('[data-testid="coop-nav-invoices"]').attributes('aria-current')).toBe('page');
    expect(new URL(api.callsTo('GET', LIST)[0]!.url).searchParams.has('status')).toBe(false);
    expect(app.findAll('[data-testid="coop-invoice"]').map((item) => item.attributes('data-id'))).toEqual(['ir-1', 'ir-2', 'ir-3']);

    const special = card(app, 'ir-1');
    expect(special.get('[data-testid="coop-invoice-order"]').text()).toBe('订单 QH20261129-000123');
    expect(special.get('[data-testid="coop-invoice-status"]').text()).toBe('待开票');
    expect(special.get('[data-testid="coop-invoice-overdue"]').text()).toBe('已等待 9 天，超过 7 天');
    expect(special.get('[data-testid="coop-invoice-amount"]').text()).toBe('¥421.00');
    expect(special.get('[data-testid="invoice-party-kind"]').text()).toBe('增值税专用发票');
    expect(special.get('[data-testid="invoice-party-title"]').text()).toBe('广州市天河区机关事务管理局饭堂');
    expect(special.get('[data-testid="invoice-party-tax-number"]').text()).toBe(TAX_NUMBER);
    expect(special.get('[data-testid="invoice-party-address"]').text()).toBe('广州市天河区天府路 1 号 020-38880000');
    expect(special.get('[data-testid="invoice-party-bank"]').text()).toBe('中国工商银行广州天河支行 3602 0000 0920 0123 456');
    // The amount starts as the amount due, which is what the invoice must say.
    expect((special.get('[data-testid="issue-amount"]').element as HTMLInputElement).value).toBe('421.00');
    expect(special.get('[data-testid="issue-file"]').attributes('accept')).toBe('.pdf,.ofd,application/pdf,application/ofd');

    const red = card(app, 'ir-2');
    expect(red.get('[data-testid="coop-invoice-red"]').text()).toBe('红字发票');
    expect(red.text()).toContain('红字发票金额（冲销退款）');
    expect(red.get('[data-testid="coop-invoice-red-note"]').text()).toContain('请开具红字发票冲销原发票');
    expect(red.find('[data-testid="coop-invoice-overdue"]').exists()).toBe(false);

    const issued = card(app, 'ir-3');
    expect(issued.get('[data-testid="coop-invoice-status"]').text()).toBe('已开票');
    expect(issued.get('[data-testid="coop-invoice-number"]').text()).toBe('发票号码 26442000000012345678，开票日期 2026年12月9日');
    expect(issued.find('[data-testid="issue-form"]').exists()).toBe(false);
  });

  it('asks the API for one status from its tab', async () => {
    const { app, api } = await openInvoices();

    await app.get('[data-testid="coop-invoices-filter-ISSUED"]').trigger('click');
    await settle();

    expect(new URL(api.callsTo('GET', LIST).at(-1)!.url).searchParams.get('status')).toBe('ISSUED');
  });

  it('checks the number, the amount and the file before uploading', async () => {
    const { app, api } = await openInvoices();
    const form = card(app, 'ir-1');
    await form.get('[data-testid="issue-number"]').setValue('12');
    await form.get('[data-testid="issue-amount"]').setValue('420');

    await submit(app);

    expect(form.get('[data-testid="issue-number-error"]').text()).toBe('发票号码应为 8–32 位字母、数字或短横线。');
    expect(form.get('[data-testid="issue-amount-error"]').text()).toBe('发票金额必须等于应开金额 ¥421.00。');
    expect(form.get('[data-testid="issue-file-error"]').text()).toBe('请选择电子发票文件。');
    expect(form.get('[data-testid="issue-amount"]').attributes('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', UPLOAD)).toHaveLength(0);
  });

  it('shows why the API refused an upload for the wrong amount, and the amount now due', async () => {
    // A refund came in after the page was opened: ¥80.00 less is due now.
    let due = 42_100;
    const { app, api } = await openInvoices(
      {
        [`POST ${UPLOAD}`]: () =>
          jsonResponse(422, {
            statusCode: 422,
            code: 'INVOICE_AMOUNT_MISMATCH',
            message: 'The invoice says ¥421.00, but ¥341.00 is due: issue it for exactly that.',
            details: [{ field: 'amountFen', problems: ['must be 34100'] }],
          }),
      },
      () => {
        const [first, ...rest] = REQUESTS();
        return [{ ...first!, amountFen: due }, ...rest];
      },
    );
    await fillUpload(app);
    due = 34_100;

    await submit(app);

    const form = card(app, 'ir-1');
    const error = form.get('[data-testid="issue-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.attributes('data-code')).toBe('INVOICE_AMOUNT_MISMATCH');
    expect(error.text()).toBe('发票金额与应开金额不一致，没有上传。请按应开金额（价税合计）开具后再上传。');
    expect(api.callsTo('GET', LIST)).toHaveLength(2);
    expect(form.get('[data-testid="coop-invoice-amount"]').text()).toBe('¥341.00');
    expect(form.get('[data-testid="issue-amount-error"]').text()).toBe('发票金额必须等于应开金额 ¥341.00。');
    expect((form.get('[data-testid="issue-amount"]').element as HTMLInputElement).value).toBe('341.00');
  });

  it('shows a file that is not a PDF or OFD by its content at the file', async () => {
    const { app } = await openInvoices({ [`POST ${UPLOAD}`]: () => errorResponse(415, 'UNSUPPORTED_INVOICE_FILE') });
    await fillUpload(app);

    await submit(app);

    expect(card(app, 'ir-1').get('[data-testid="issue-file-error"]').text()).toBe('只能上传 PDF 或 OFD 格式的电子发票。');
  });

  it('says when a colleague issued the invoice meanwhile, and shows it issued', async () => {
    let issuedByColleague = false;
    const { app } = await openInvoices(
      {
        [`POST ${UPLOAD}`]: () => {
          issuedByColleague = true;
          return errorResponse(409, 'INVOICE_REQUEST_STATUS_CONFLICT');
        },
      },
      () => (issuedByColleague ? [issuedInvoice()] : [invoiceRequest()]),
    );
    await fillUpload(app);

    await submit(app);

    const item = card(app, 'ir-1');
    expect(item.attributes('data-status')).toBe('ISSUED');
    expect(item.get('[data-testid="coop-invoice-conflict"]').text()).toContain('这张发票已经开具或已作废');
    expect(item.find('[data-testid="issue-form"]').exists()).toBe(false);
  });

  it('uploads the e-invoice as multipart form data, then shows it issued with its file to download', async () => {
    const { app, api } = await openInvoices({
      [`POST ${UPLOAD}`]: () => jsonResponse(200, issuedInvoice({ issuedOn: chinaDay() })),
      [`GET ${LIST}/ir-1/file`]: () => pdfResponse(),
    });
    await fillUpload(app);

    await submit(app);

    const [upload] = api.callsTo('POST', UPLOAD);
    expect(upload!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(upload!.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const sent = await upload!.formData();
    expect(sent.get('invoiceNumber')).toBe('26442000000012345678');
    expect(sent.get('issuedOn')).toBe(chinaDay());
    expect(sent.get('amountFen')).toBe('42100');
    expect(sent.get('file')).toBeInstanceOf(File);

    const issued = card(app, 'ir-1');
    expect(issued.attributes('data-status')).toBe('ISSUED');
    expect(issued.get('[data-testid="coop-invoice-issued"]').text()).toContain('已上传，买家和单位财务现在可以下载');
    expect(issued.find('[data-testid="issue-form"]').exists()).toBe(false);

    const downloads = captureDownloads();
    try {
      await issued.get('[data-testid="coop-invoice-download"]').trigger('click');
      await settle();
    } finally {
      downloads.restore();
    }
    expect(api.callsTo('GET', `${LIST}/ir-1/file`)).toHaveLength(1);
    expect(downloads.saved).toEqual(['invoice-QH20261129-000123-26442000000012345678.pdf']);
  });
});
