/** A worker of the ingest: parses the page files it is sent (see ingest.ts). */
import config from '../../archive.config';
import { ingestToCache, type PageOutcome, type ParseTask } from './ingest';

export default function handle(task: ParseTask): Promise<PageOutcome> {
  return ingestToCache(task, config);
}
