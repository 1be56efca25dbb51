import type { SourceColumns } from './reference';

export interface PersonsTable extends SourceColumns {
  id: string;
  name: string;
  title: string | null;
  nation_code: string | null;
}
