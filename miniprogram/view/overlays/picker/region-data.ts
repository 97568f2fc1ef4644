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

type District = [name: string, code: string, postcode: string];
type City = [name: string, code: string, districts: District[]];
type Province = [name: string, code: string, cities: City[]];

/** one row per place, so the data reads as a table: province -> cities -> [district, code, postcode] */
const PROVINCES: Province[] = [
  ['北京市', '110000', [
    ['北京市', '110100', [['东城区', '110101', '100010'], ['西城区', '110102', '100032'], ['朝阳区', '110105', '100020'], ['海淀区', '110108', '100080']]],
  ]],
  ['上海市', '310000', [
    ['上海市', '310100', [['黄浦区', '310101', '200001'], ['徐汇区', '310104', '200030'], ['浦东新区', '310115', '200120']]],
  ]],
  ['广东省', '440000', [
    ['广州市', '440100', [['越秀区', '440104', '510030'], ['海珠区', '440105', '510220'], ['天河区', '440106', '510630']]],
    ['深圳市', '440300', [['福田区', '440304', '518000'], ['南山区', '440305', '518000']]],
  ]],
  ['浙江省', '330000', [
    ['杭州市', '330100', [['上城区', '330102', '310002'], ['西湖区', '330106', '310013']]],
    ['宁波市', '330200', [['海曙区', '330203', '315000']]],
  ]],
  ['四川省', '510000', [
    ['成都市', '510100', [['锦江区', '510104', '610021'], ['武侯区', '510107', '610041']]],
  ]],
];

export const REGION_SAMPLE: RegionNode[] = PROVINCES.map(([name, code, cities]) => ({
  name,
  code,
  children: cities.map(([cityName, cityCode, districts]) => ({
    name: cityName,
    code: cityCode,
    children: districts.map(([districtName, districtCode, postcode]) => ({ name: districtName, code: districtCode, postcode })),
  })),
}));
