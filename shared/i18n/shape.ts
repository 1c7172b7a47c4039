/** The English catalog must have exactly the keys of the Chinese one, each a string. */
export type CatalogShape<T> = { [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };
