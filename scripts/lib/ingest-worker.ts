/** A worker of the ingest: parses the page files it is sent (see ingest.ts). */
import config from '../../archive.config';
import { ingestToCache, type IngestTask, type PageOutcome } from './ingest';

export default function handle(task: IngestTask): Promise<PageOutcome> {
  return ingestToCache(task, config);
}
