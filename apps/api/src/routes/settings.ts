// GET /api/settings; PUT /api/settings (admin): stores one value and recomputes what depends on it (KPIs and
// flags) in the same transaction, through the write queue; answers the flags it added and removed.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { parseSetting, readSettings, SETTINGS, settingDefinition } from '@fixops/metrics';
import { changeSetting } from '@fixops/usecases';
import { requireRole } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { orHttp } from '../errors.js';
import { responses } from '@fixops/contracts';
import { SettingChange, SettingChanged, SettingsList } from '@fixops/contracts';

const settings: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/settings', {
    schema: { tags: ['settings'], summary: 'Thresholds and targets', response: responses(SettingsList) },
  }, async () => {
    const current = await app.store.read((c) => readSettings(c));
    return SETTINGS.map((s) => ({ key: s.key, value: current[s.key]!, default: s.default, min: s.min, max: s.max, zh: s.zh, en: s.en }));
  });

  app.put('/settings', {
    schema: { tags: ['settings'], summary: 'Change one setting (null resets it); admin only; recomputes', body: SettingChange, response: responses(SettingChanged, [400, 403, 404]) },
  }, async (req) => {
    const user = requireRole(req, 'admin');
    const { key, value } = req.body;
    const parsed = value === null ? (settingDefinition(key) ? { key, value: null } : orHttp(parseSetting(key, '0'))) : orHttp(parseSetting(key, String(value)));
    const changed = await app.store.write({ kind: 'settings', label: `settings ${key}`, user: user.name },
      (c) => changeSetting(c, parsed.key, parsed.value, actorOf(req)));
    return { key, value: changed.value, dealerMonths: changed.dealerMonths, ms: changed.ms, flags: changed.flags };
  });
  done();
};

export default settings;
