import {accountFields, type Account} from "../portfolio/accountFields.js";

/** Which input column feeds each account field; null where none does. */
export type ColumnMapping = Record<keyof Account, string | null>;

// Header forms seen in CRM exports, in English and Chinese, compared after normalisation
// (lower case, without spaces, underscores, hyphens, dots or brackets).
const synonyms: Record<keyof Account, string[]> = {
  id: [
    "id",
    "accountid",
    "customerid",
    "clientid",
    "accountnumber",
    "customernumber",
    "客户编号",
    "客户id",
    "客户代码",
    "编号"
  ],
  name: [
    "name",
    "accountname",
    "customername",
    "clientname",
    "account",
    "customer",
    "company",
    "客户名称",
    "客户",
    "公司名称",
    "名称"
  ],
  industry: ["industry", "sector", "vertical", "segment", "行业", "所属行业", "行业类别"],
  region: ["region", "territory", "area", "country", "geo", "区域", "地区", "大区", "国家"],
  foundedYear: [
    "foundedyear",
    "founded",
    "yearfounded",
    "established",
    "foundingyear",
    "incorporated",
    "成立年份",
    "成立时间",
    "成立年度",
    "创立年份"
  ],
  firstYear: [
    "firstyear",
    "firstseen",
    "customersince",
    "startyear",
    "relationshipstart",
    "since",
    "acquired",
    "首次合作年份",
    "合作开始年份",
    "起始年份",
    "首次合作",
    "开始合作"
  ],
  exitYear: [
    "exityear",
    "exit",
    "churnyear",
    "churned",
    "lostyear",
    "closedyear",
    "endyear",
    "退出年份",
    "流失年份",
    "终止年份",
    "退出时间"
  ],
  annualWallet: [
    "annualwallet",
    "wallet",
    "walletsize",
    "categoryspend",
    "totalspend",
    "potential",
    "客户预算",
    "年采购额",
    "采购额",
    "钱包份额基数",
    "潜在规模"
  ],
  walletGrowth: ["walletgrowth", "growth", "spendgrowth", "growthrate", "增长率", "预算增长率", "采购增长率"],
  annualRevenue: [
    "annualrevenue",
    "revenue",
    "sales",
    "annualsales",
    "bookings",
    "年收入",
    "收入",
    "销售额",
    "年销售额",
    "营收"
  ],
  grossMargin: ["grossmargin", "margin", "gm", "grossmarginpct", "毛利率", "毛利"],
  health: ["health", "financialhealth", "healthscore", "creditscore", "健康度", "财务健康度", "信用评分"],
  strategicFit: ["strategicfit", "fit", "strategicscore", "fitscore", "战略匹配度", "战略契合度", "匹配度"],
  salesHeads: ["salesheads", "heads", "fte", "salesfte", "headcount", "销售人数", "投入人数", "人力", "销售人力"]
};

/** Normalises a header for matching: lower case, no spaces, underscores, hyphens, dots, brackets or BOM. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[\s_\-.()（）[\]/:：%#]+/g, "");
}

/**
 * Guesses which column of a file feeds each account field from its headers, in English and in
 * common Chinese forms (客户名称, 行业, 年收入, 毛利率, …). An exact match on the normalised header
 * wins; each input column feeds at most one field. Unmatched fields map to null, for the user to set.
 *
 * @example
 * detectColumns(["客户编号", "客户名称", "行业", "年收入"]); // {id: "客户编号", name: "客户名称", industry: "行业", annualRevenue: "年收入", …}
 */
export function detectColumns(header: readonly string[]): ColumnMapping {
  const used = new Set<string>();
  const mapping = {} as ColumnMapping;
  const normalised = header.map((h) => [h, normaliseHeader(h)] as const);
  for (const field of accountFields) {
    const names = synonyms[field.name];
    let match: string | null = null;
    // Earlier synonyms are more specific; try them in order.
    for (const name of names) {
      const found = normalised.find(([h, n]) => n === name && !used.has(h));
      if (found) {
        match = found[0];
        break;
      }
    }
    if (match !== null) used.add(match);
    mapping[field.name] = match;
  }
  return mapping;
}
