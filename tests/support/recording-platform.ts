export { HeadlessPlatform as RecordingPlatform, MemoryLogger } from '../../electron/backend/headless-platform';
