import { sharedConfig } from '../../tooling/vitest-config/vitest.shared.mjs';
export default sharedConfig();
