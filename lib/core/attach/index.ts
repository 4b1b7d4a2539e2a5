/** The attachment room: what both adapters plan before they create a resource. */
export type * from './selection';
