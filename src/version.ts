/** The tool version recorded in every dataset's config.json (kept equal to package.json's). */
export const VERSION = "0.3.0";
