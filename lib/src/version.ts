/** The model package's version, as lib/package.json gives it: reports name the model that made them. */
export const version = "0.1.0";
