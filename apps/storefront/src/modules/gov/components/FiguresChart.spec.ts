import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { AppLocale } from '../../../i18n';
import { appPlugins } from '../../../testing/app';
import FiguresChart from './FiguresChart.vue';

type Props = InstanceType<typeof FiguresChart>['$props'];

function chart(props: Props, locale: AppLocale = 'zh-CN') {
  return mount(FiguresChart, { props, global: { plugins: appPlugins(locale) } });
}

const threeYears = {
  kind: 'bars',
  title: '按年',
  labels: ['2024', '2025', '2026'],
  series: [{ name: '消费帮扶产品销售额', valuesFen: [100_000_00, 200_000_00, 400_000_00] }],
} as const satisfies Props;

/** The accessible name and description, as a screen reader announces them. */
function accessibleText(wrapper: ReturnType<typeof chart>) {
  const svg = wrapper.get('svg');
  const byId = (id: string | undefined) => wrapper.get(`[id="${id}"]`).text();
  return {
    role: svg.attributes('role'),
    name: byId(svg.attributes('aria-labelledby')),
    description: byId(svg.attributes('aria-describedby')),
  };
}

const heightsPx = (wrapper: ReturnType<typeof chart>) => wrapper.findAll('rect').map((bar) => Number(bar.attributes('height')));
const bottomLabels = (wrapper: ReturnType<typeof chart>) =>
  wrapper
    .findAll('text[text-anchor="middle"]')
    .map((label) => label.text())
    .filter(Boolean);

describe('FiguresChart', () => {
  it('draws one bar per year, its height in proportion to the year’s sales', () => {
    const wrapper = chart(threeYears);

    const [first, second, third] = heightsPx(wrapper);
    expect(heightsPx(wrapper)).toHaveLength(3);
    expect(first).toBeGreaterThan(0);
    expect(second! / first!).toBeCloseTo(2, 2);
    expect(third! / first!).toBeCloseTo(4, 2);
    expect(bottomLabels(wrapper)).toEqual(['2024', '2025', '2026']);
  });

  it('states every value in the chart’s accessible description, in yuan as the tables do', () => {
    const { role, name, description } = accessibleText(chart(threeYears));

    expect(role).toBe('img');
    expect(name).toBe('按年');
    expect(description).toBe('2024 ¥100,000.00、2025 ¥200,000.00和2026 ¥400,000.00');
  });

  it('labels the value axis in yuan with round, short ticks from zero', () => {
    const ticks = chart(threeYears)
      .findAll('text[text-anchor="end"]')
      .map((tick) => tick.text());

    expect(ticks).toEqual(['元', '0', '10万', '20万', '30万', '40万']);
  });

  it('shows each year’s two figures side by side, named in a legend and in each bar’s tooltip', () => {
    const wrapper = chart(
      {
        kind: 'bars',
        title: 'By year',
        labels: ['2025', '2026'],
        series: [
          { name: 'Poverty-linked sales', valuesFen: [98_765_00, 50_000_00] },
          { name: 'All sales', valuesFen: [123_456_00, 100_000_00] },
        ],
      },
      'en',
    );

    expect(wrapper.findAll('li').map((item) => item.text())).toEqual(['Poverty-linked sales', 'All sales']);
    expect(wrapper.findAll('rect title').map((tooltip) => tooltip.text())).toEqual([
      '2025 Poverty-linked sales ¥98,765.00',
      '2026 Poverty-linked sales ¥50,000.00',
      '2025 All sales ¥123,456.00',
      '2026 All sales ¥100,000.00',
    ]);
    expect(accessibleText(wrapper).description).toBe(
      '2025 Poverty-linked sales ¥98,765.00, 2025 All sales ¥123,456.00, 2026 Poverty-linked sales ¥50,000.00, and 2026 All sales ¥100,000.00',
    );
    expect(wrapper.findAll('text[text-anchor="end"]').map((tick) => tick.text())).toContain('yuan');
  });

  it('needs no legend for a single series', () => {
    expect(chart(threeYears).find('ul').exists()).toBe(false);
  });

  it('draws months as a line through a point per month, higher for the larger sales', () => {
    const wrapper = chart({
      kind: 'line',
      title: '按月（消费帮扶产品销售额）',
      labels: ['2026-03', '2026-04', '2026-05'],
      series: [{ name: '消费帮扶产品销售额', valuesFen: [300_00, 0, 900_00] }],
    });

    const points = wrapper
      .get('polyline')
      .attributes('points')!
      .split(' ')
      .map((point) => point.split(',').map(Number) as [number, number]);
    expect(points).toHaveLength(3);
    const [march, april, may] = points.map(([, yPx]) => yPx);
    // SVG's y grows downwards: April's nothing sits lowest, May's ¥900 highest, three times March's height.
    expect(april).toBeGreaterThan(march!);
    expect(march).toBeGreaterThan(may!);
    expect((april! - may!) / (april! - march!)).toBeCloseTo(3, 2);
    expect(wrapper.findAll('circle title').map((tooltip) => tooltip.text())).toEqual([
      '2026-03 消费帮扶产品销售额 ¥300.00',
      '2026-04 消费帮扶产品销售额 ¥0.00',
      '2026-05 消费帮扶产品销售额 ¥900.00',
    ]);
  });

  it('labels only every few months of a long series, so the labels never overlap', () => {
    const months = Array.from(
      { length: 36 },
      (_, index) => `${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
    );
    const wrapper = chart({
      kind: 'line',
      title: '按月',
      labels: months,
      series: [{ name: '消费帮扶产品销售额', valuesFen: months.map(() => 100_00) }],
    });

    const shown = bottomLabels(wrapper);
    expect(shown[0]).toBe('2024-01');
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(10);
    // A decade of dots would blur into a thick line: past two years only the line is drawn.
    expect(wrapper.findAll('circle')).toHaveLength(0);
  });

  it('scales to its container through its viewBox instead of a fixed width', () => {
    const svg = chart(threeYears).get('svg');
    expect(svg.attributes('viewBox')).toBe('0 0 400 220');
    expect(svg.attributes('width')).toBeUndefined();
  });

  it('leaves out the values a series does not have yet: no point, and nothing said of them', () => {
    const wrapper = chart({
      kind: 'line',
      title: '累计',
      labels: ['10月', '11月', '12月'],
      series: [
        { name: '累计已采购', valuesFen: [100_00, 200_00, null] },
        { name: '目标进度', valuesFen: [150_00, 250_00, 300_00] },
      ],
    });

    const [bought, path] = wrapper.findAll('polyline').map((line) => line.attributes('points')!.split(' ').length);
    expect([bought, path]).toEqual([2, 3]);
    expect(accessibleText(wrapper).description).not.toContain('12月 累计已采购');
    expect(accessibleText(wrapper).description).toContain('12月 目标进度 ¥300.00');
  });
});
