/** Apple's articles as rows, and how a saved copy differs from the catalogue. */
export * from './article-check';
export * from './host-article';
export * from './port-article';
