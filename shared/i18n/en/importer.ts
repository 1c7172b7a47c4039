import type { CatalogShape } from '../shape';
import type { importer as zh } from '../zh-CN/importer';

export const importer: CatalogShape<typeof zh> = {};
