/** The git dir and common git dir of the checkout that contains `realDir`, or null. */
export declare function findCheckout(realDir: string): {
    gitDir: string;
    commonDir: string;
} | null;
/** The common git dir of the checkout that contains `realDir`, or null. */
export declare function checkoutCommonDir(realDir: string): string | null;
