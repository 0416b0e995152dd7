export {netPresentValue, type NetPresentValueOptions} from "./economics/netPresentValue.js";
export {
  accountFields,
  missingAccountColumns,
  type AccountField,
  type AccountFieldType
} from "./portfolio/accountFields.js";
