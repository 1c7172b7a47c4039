import type { CatalogShape } from '../shape';
import type { background as zh } from '../zh-CN/background';

export const background: CatalogShape<typeof zh> = {
  backup: {
    copy: 'Backing up today’s data in the background: copying {{percent}}%',
    check: 'Backing up today’s data in the background: checking the copy',
    compress: 'Backing up today’s data in the background: compressing and verifying',
    manualCopy: 'Backing up: copying {{percent}}%',
    manualCheck: 'Backing up: checking the copy',
    manualCompress: 'Backing up: compressing and verifying',
    failed: 'Today’s backup did not finish ({{problem}}). You can back up again under Settings → Backups.',
    done: 'Today’s backup is done: {{size}} ({{raw}} uncompressed) in {{seconds}} s',
  },
  indexing: {
    search: 'Updating the search index: {{done}} / {{total}}. Work as usual; a few records may not be found until it is done',
    audit: 'Indexing the activity log for full-text search: {{done}} / {{total}}. Until then full text looks at the last 90 days',
  },
  sizeRaw: '{{raw}} uncompressed',
};
