export { meanSquaredError } from "./mse.js";
export { rocAuc } from "./auc.js";
