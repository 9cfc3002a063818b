import type { DemoStep } from '../demo-context.js';

/** The demo logins (the admin comes from ADMIN_USERNAME/ADMIN_PASSWORD set by demo.ts). */
export const DEMO_USERS = [
  { username: 'operator', password: 'operator-demo-123', role: 'OPERATOR_DINKES' },
  { username: 'keuangan', password: 'keuangan-demo-123', role: 'KEUANGAN' },
  { username: 'keuangan2', password: 'keuangan2-demo-123', role: 'KEUANGAN' },
  { username: 'auditor', password: 'auditor-demo-123', role: 'AUDITOR' },
] as const;

export const usersStep: DemoStep = {
  name: 'Pengguna demo',
  async run(ctx) {
    const existing: { username: string }[] = await ctx.call('ADMIN', 'GET', '/api/v1/users');
    for (const user of DEMO_USERS) {
      if (existing.some((u) => u.username === user.username)) continue;
      await ctx.call('ADMIN', 'POST', '/api/v1/users', { json: user });
    }
    ctx.log(`${DEMO_USERS.length} demo users ready`);
  },
};
