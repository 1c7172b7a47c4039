import { join } from 'node:path';
import { createBackend, type Backend } from '../electron/backend/backend';
import { HeadlessPlatform, MemoryLogger } from '../electron/backend/platform/headless';
import type { Channel, InputOf, OutputOf } from '../shared/contract';

/** The company every demo prints for, as a desk set up on its first day would have it. */
export const DEMO_COMPANY = {
  companyName: '杭州安信机电设备服务有限公司',
  hotline: '400-800-1234',
  complaintLine: '0571-88886666',
  address: '浙江省杭州市拱墅区湖墅南路 186 号 3 楼',
};

export interface DemoDesk {
  folder: string;
  backend: Backend;
  logger: MemoryLogger;
  platform: HeadlessPlatform;
  /** A request that must succeed: a demo that meets a refusal stops there and says which. */
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** The desk's clock: fixed, and moved along the story by the demo, so every run prints the same. */
  now(): Date;
  setClock(at: Date): void;
}

/**
 * A headless desk in `folder` (documents, printed papers and the database inside it). Given a
 * start time the desk's clock stays there until the demo moves it; without one it is the real
 * clock.
 */
export async function openDemoDesk(folder: string, start?: Date): Promise<DemoDesk> {
  let clock = start;
  const logger = new MemoryLogger();
  const platform = new HeadlessPlatform(join(folder, 'printed'));
  const backend = await createBackend({
    dbPath: join(folder, 'desk.sqlite'),
    documentsDir: join(folder, 'documents'),
    platform,
    logger,
    ...(start ? { now: () => clock! } : {}),
  });
  return {
    folder,
    backend,
    logger,
    platform,
    async call(channel, input) {
      const result = await backend.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    now: () => clock ?? new Date(),
    setClock: (at) => {
      clock = at;
    },
  };
}
