import { searchInput, type SearchHit } from '../schemas/search';
import { read, returns } from './channel';

export const searchChannels = {
  'search:query': read(searchInput, returns<SearchHit[]>()),
};
