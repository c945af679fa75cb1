import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

/** What a shopper sees and does in the header and on the login page. */
export class ShopPages {
  constructor(private readonly page: Page) {}

  async openHome(): Promise<void> {
    await this.page.goto(`${baseUrl()}/`);
    await this.page.getByTestId('home-title').waitFor();
  }

  homeTitle(): Promise<string> {
    return this.page.getByTestId('home-title').innerText();
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('lang-switch').click();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId('login-link').click();
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** From the header's login link to the sign-up form, filled in and sent. */
  async signUp(email: string, password: string, name: string): Promise<void> {
    await this.page.getByTestId('login-link').click();
    await this.page.getByTestId('to-register').click();
    await this.page.getByTestId('register-email').fill(email);
    await this.page.getByTestId('register-password').fill(password);
    await this.page.getByTestId('register-name').fill(name);
    await this.page.getByTestId('register-submit').click();
  }

  accountMenu() {
    return this.page.getByTestId('account-menu');
  }

  /** Opens the account menu and reads who is signed in, with which role. */
  async signedInAs(): Promise<{ email: string; role: string }> {
    await this.accountMenu().getByRole('button', { expanded: false }).click();
    return {
      email: await this.page.getByTestId('account-email').innerText(),
      role: await this.page.getByTestId('account-role').innerText(),
    };
  }
}

/** The buyer's side of the catalog: search, results and the product page. */
export class CatalogPages {
  constructor(private readonly page: Page) {}

  async search(text: string): Promise<void> {
    await this.page.getByTestId('search-input').first().fill(text);
    await this.page.getByTestId('search-submit').first().click();
    await this.page.getByTestId('product-card').first().waitFor();
  }

  /** Scrolls the results (infinite scroll) until the product titled `title` shows, then opens it. */
  async openResult(title: string): Promise<void> {
    const card = this.page.getByTestId('product-card').filter({ hasText: title });
    for (let attempt = 0; attempt < 10 && (await card.count()) === 0; attempt++) {
      const more = this.page.getByTestId('load-more');
      if ((await more.count()) === 0) break;
      await more.click();
      await this.page.waitForTimeout(200);
    }
    await card.first().click();
    await this.page.getByTestId('product-title').waitFor();
  }

  productTitle(): Promise<string> {
    return this.page.getByTestId('product-title').innerText();
  }

  certifiedBadge() {
    return this.page.getByTestId('certified-badge');
  }
}

export interface NewProduct {
  titleZh: string;
  titleEn: string;
  category: string;
  township: string;
  shippingClass: string;
  shelfLifeDays: number;
  variant: { labelZh: string; labelEn: string; priceYuan: string; weightG: number; stock: number };
}

/** The cooperative portal, as a cooperative's staff member uses it. */
export class CoopPortalPages {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${baseUrl()}/coop`);
    await this.page.getByTestId('coop-new-product').waitFor();
  }

  async createProduct(product: NewProduct, image: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const page = this.page;
    await page.getByTestId('coop-new-product').click();
    await page.getByTestId('product-title-zh').fill(product.titleZh);
    await page.getByTestId('product-title-en').fill(product.titleEn);
    await page.getByTestId('product-category').selectOption(product.category);
    await page.getByTestId('product-township').selectOption(product.township);
    await page.getByTestId('product-shipping-class').selectOption(product.shippingClass);
    await page.getByTestId('product-shelf-life').fill(String(product.shelfLifeDays));
    await page.getByTestId('variant-label-zh').first().fill(product.variant.labelZh);
    await page.getByTestId('variant-label-en').first().fill(product.variant.labelEn);
    await page.getByTestId('variant-price').first().fill(product.variant.priceYuan);
    await page.getByTestId('variant-weight').first().fill(String(product.variant.weightG));
    await page.getByTestId('variant-stock').first().fill(String(product.variant.stock));
    await page.getByTestId('product-save').click();
    // Saved as a draft: the edit page with its status, where images can be added.
    await page.getByTestId('image-input').waitFor({ state: 'attached' });
    await page.getByTestId('image-input').setInputFiles(image);
    await page.getByTestId('product-images').locator('img').first().waitFor();
  }

  status(): Promise<string> {
    return this.page.getByTestId('product-status').innerText();
  }

  async submitForReview(): Promise<void> {
    const before = await this.status();
    await this.page.getByTestId('product-submit').click();
    await this.page.waitForFunction((text) => document.querySelector('[data-testid="product-status"]')?.textContent !== text, before);
  }
}

/** The admin's review queue and certification form. */
export class AdminPages {
  constructor(private readonly page: Page) {}

  async openReviewQueue(): Promise<void> {
    await this.page.goto(`${baseUrl()}/admin/products`);
    await this.page.getByTestId('review-row').first().waitFor();
  }

  private row(title: string) {
    return this.page.getByTestId('review-row').filter({ hasText: title });
  }

  async approve(title: string): Promise<void> {
    await this.row(title).getByTestId('review-approve').click();
  }

  async certify(title: string, certificate: { number: string; issuer: string; batch: string; validUntil: string }): Promise<void> {
    const page = this.page;
    await this.row(title).getByTestId('certify-open').click();
    await page.getByTestId('cert-number').fill(certificate.number);
    await page.getByTestId('cert-issuer').fill(certificate.issuer);
    await page.getByTestId('cert-batch').fill(certificate.batch);
    await page.getByTestId('cert-valid-until').fill(certificate.validUntil);
    await page.getByTestId('cert-save').click();
  }
}

/** A buyer's cart, checkout, order page and the demo payment. */
export class CheckoutPages {
  constructor(private readonly page: Page) {}

  async addToCart(slug: string): Promise<void> {
    await this.page.goto(`${baseUrl()}/products/${slug}`);
    await this.page.getByTestId('add-to-cart').click();
    await this.page.getByTestId('cart-notice-link').waitFor();
  }

  async checkOut(address: { name: string; mobile: string; districtCode: string; street: string }): Promise<void> {
    await this.openCheckout();
    await this.fillAddress(address);
    await this.page.getByTestId('checkout-submit').click();
    await this.page.getByTestId('order-status').waitFor();
  }

  /** From the header's cart link to the checkout page, the cart's lines all ticked. */
  async openCheckout(): Promise<void> {
    await this.page.getByTestId('cart-link').click();
    await this.page.getByTestId('cart-checkout').click();
    await this.page.getByTestId('checkout-form').waitFor();
  }

  async fillAddress(address: { name: string; mobile: string; districtCode: string; street: string }): Promise<void> {
    const page = this.page;
    await page.getByTestId('checkout-name').fill(address.name);
    await page.getByTestId('checkout-mobile').fill(address.mobile);
    await page.getByTestId('checkout-district').selectOption(address.districtCode);
    await page.getByTestId('checkout-street').fill(address.street);
  }

  /** The amount to pay the checkout page shows, once the API has quoted it. */
  async quotedTotal(): Promise<string> {
    return this.page.getByTestId('checkout-pay-total').innerText();
  }

  orderStatus(): Promise<string> {
    return this.page.getByTestId('order-status').innerText();
  }

  shipments() {
    return this.page.getByTestId('shipment-card');
  }

  async payOnDemoPage(): Promise<void> {
    const before = await this.orderStatus();
    await this.page.getByTestId('pay-demo').click();
    await this.page.waitForFunction((text) => document.querySelector('[data-testid="order-status"]')?.textContent !== text, before);
  }
}

/** A cooperative's shipments in the portal. */
export class FulfillmentPages {
  constructor(private readonly page: Page) {}

  async ship(orderNumber: string, carrier: string, trackingNo: string): Promise<void> {
    const page = this.page;
    await page.goto(`${baseUrl()}/coop/fulfillments`);
    const row = page.getByTestId('fulfillment-row').filter({ hasText: orderNumber });
    await row.getByTestId('ship-carrier').fill(carrier);
    await row.getByTestId('ship-tracking').fill(trackingNo);
    await row.getByTestId('ship-submit').click();
    await row.getByText(trackingNo).first().waitFor();
  }
}

/** The officials' dashboard at /gov. */
export class GovPages {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${baseUrl()}/gov`);
    await this.page.getByTestId('gov-summary').waitFor();
  }

  /** Filters to one township and waits until the figures are those of the filter. */
  async filterToTownship(code: string): Promise<void> {
    await this.page.getByTestId('gov-township').selectOption(code);
    await Promise.all([
      this.page.waitForResponse(
        (response) => response.url().includes('/api/impact/summary') && response.url().includes(`townshipCode=${code}`),
      ),
      this.page.getByTestId('gov-apply').click(),
    ]);
    await this.page.waitForURL(new RegExp(`townshipCode=${code}`));
    // The figures change together once every question of the filter has been answered.
    await this.page.locator('[data-testid="gov-summary"][aria-busy="false"]').waitFor();
  }

  figure(key: string): Promise<string> {
    return this.page.getByTestId(`gov-figure-${key}`).locator('dd').innerText();
  }

  /** Downloads the yearly table as CSV and answers its text. */
  async downloadYearlyCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('gov-download-year').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}
