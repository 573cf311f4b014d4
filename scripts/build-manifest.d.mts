export declare const DEV_BASE_URL: string;
export declare function baseUrl(raw?: string): string;
export declare function rewriteManifest(xml: string, base: string): string;
export declare function manifestFiles(xml: string, base: string): string[];
