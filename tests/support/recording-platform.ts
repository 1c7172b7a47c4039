export { HeadlessPlatform as RecordingPlatform, MemoryLogger } from '../../electron/backend/platform/headless';
