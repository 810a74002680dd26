import { sharedConfig } from '../../tooling/vitest-config/vitest.shared.mjs';
// backend-setup makes NNCOMPAT_BACKEND's backend the default (npm run test:backends).
export default sharedConfig({ test: { setupFiles: ['./src/testing/backend-setup.ts'] } });
