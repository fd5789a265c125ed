/** The inflater's worker (src/workbook/xlsx/inflater.ts), started by the check worker (start-inflater.ts). */
import { serveInflating, type InflaterEndpoint } from '../../workbook/xlsx/inflater';

serveInflating(self as unknown as InflaterEndpoint);
