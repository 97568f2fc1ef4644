/**
 * A deliberately small sample of China's administrative divisions for `picker mode="region"`, written
 * for this project (names, statistical codes and postcodes of a few well-known places). It is PARTIAL:
 * five provinces, a few cities and districts each; a value outside it opens on the first entry.
 */
export interface RegionNode {
  name: string;
  code: string;
  postcode?: string;
  children?: RegionNode[];
}

export const REGION_SAMPLE: RegionNode[] = [
  {
    name: '北京市',
    code: '110000',
    children: [
      {
        name: '北京市',
        code: '110100',
        children: [
          { name: '东城区', code: '110101', postcode: '100010' },
          { name: '西城区', code: '110102', postcode: '100032' },
          { name: '朝阳区', code: '110105', postcode: '100020' },
          { name: '海淀区', code: '110108', postcode: '100080' },
        ],
      },
    ],
  },
  {
    name: '上海市',
    code: '310000',
    children: [
      {
        name: '上海市',
        code: '310100',
        children: [
          { name: '黄浦区', code: '310101', postcode: '200001' },
          { name: '徐汇区', code: '310104', postcode: '200030' },
          { name: '浦东新区', code: '310115', postcode: '200120' },
        ],
      },
    ],
  },
  {
    name: '广东省',
    code: '440000',
    children: [
      {
        name: '广州市',
        code: '440100',
        children: [
          { name: '越秀区', code: '440104', postcode: '510030' },
          { name: '海珠区', code: '440105', postcode: '510220' },
          { name: '天河区', code: '440106', postcode: '510630' },
        ],
      },
      {
        name: '深圳市',
        code: '440300',
        children: [
          { name: '福田区', code: '440304', postcode: '518000' },
          { name: '南山区', code: '440305', postcode: '518000' },
        ],
      },
    ],
  },
  {
    name: '浙江省',
    code: '330000',
    children: [
      {
        name: '杭州市',
        code: '330100',
        children: [
          { name: '上城区', code: '330102', postcode: '310002' },
          { name: '西湖区', code: '330106', postcode: '310013' },
        ],
      },
      { name: '宁波市', code: '330200', children: [{ name: '海曙区', code: '330203', postcode: '315000' }] },
    ],
  },
  {
    name: '四川省',
    code: '510000',
    children: [
      {
        name: '成都市',
        code: '510100',
        children: [
          { name: '锦江区', code: '510104', postcode: '610021' },
          { name: '武侯区', code: '510107', postcode: '610041' },
        ],
      },
    ],
  },
];
