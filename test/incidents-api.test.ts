/**
 * Park incidents through the API, on each dialect: raising from alarms, tenancy (an unaffected
 * enterprise gets 404, an affected one reads and posts messages but does not command), the state
 * machine's rules, the report (draft → edited → frozen, Markdown), hostile input as problem+json,
 * the append-only timeline and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { testDialects } from './helpers/db.ts';

const dialects = await testDialects();

describe.each(dialects)('incidents on %s', (dialect) => {
  let server: TestServer;
  let park: ReturnType<typeof client>;
  let viewer: ReturnType<typeof client>;
  let chlor: ReturnType<typeof client>;
  let pvc: ReturnType<typeof client>;
  let refinery: ReturnType<typeof client>;
  const ent: Record<string, number> = {};
  let pvcUnit: { id: number; code: string };
  let safetyAlarm: number;
  let qualityAlarm: number;
  let incidentId: number;

  beforeAll(async () => {
    server = await startTestServer({ demo: true, dialect });
    const as = async (u: string, p = 'symbiont-demo') => client(server.url, await login(server.url, u, p));
    park = await as('admin', server.adminPassword);
    viewer = await as('regulator');
    chlor = await as('chloralkali.operator');
    pvc = await as('pvc.operator');
    refinery = await as('refinery.admin');
    for (const e of (await park.get('/api/v1/enterprises?limit=100')).body.items as { id: number; code: string }[]) ent[e.code] = e.id;
    pvcUnit = (await park.get(`/api/v1/units?enterpriseId=${ent.pvc}&limit=1`)).body.items[0];
    // Real alarms, raised as a module raises them: the park sees safety alarms by default, not quality ones.
    const raise = (key: string, category: 'safety' | 'quality', message: string) =>
      server.services.alarms.raise({ enterpriseId: ent.chloralkali, source: 'test', sourceKey: `test:${key}`, category, severity: 'critical', level: 'HH', message, active: true });
    await raise('cl2', 'safety', 'Cl2 at the fence line 3 ppm');
    await raise('naoh', 'quality', 'NaOH concentration low');
    const mine = (await chlor.get('/api/v1/alarms?limit=100')).body.items as { id: number; message: string }[];
    safetyAlarm = mine.find((a) => a.message.startsWith('Cl2'))!.id;
    qualityAlarm = mine.find((a) => a.message.startsWith('NaOH'))!.id;
  }, 120_000);
  afterAll(() => server?.close());

  it('raises an incident from an alarm: the alarm’s and the unit’s enterprises are affected, the checklist comes from the kind’s template', async () => {
    const r = await park.post('/api/v1/incidents', {
      kind: 'leak_release', severity: 3, title: '氯气泄漏 chlorine leak', description: 'Reported by the brine unit', alarmIds: [safetyAlarm], unitIds: [pvcUnit.id], lat: 38.1, lng: 106.2,
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`/api/v1/incidents/${r.body.id}`);
    incidentId = r.body.id;
    expect(r.body).toMatchObject({ state: 'open', severity: 3, kind: 'leak_release', version: 1, nextStates: ['contained'] });
    expect(r.body.enterprises.map((e: { code: string }) => e.code).sort()).toEqual(['chloralkali', 'pvc']);
    expect(r.body.units).toEqual([expect.objectContaining({ id: pvcUnit.id, code: pvcUnit.code, enterpriseId: ent.pvc })]);
    expect(r.body.alarms).toEqual([expect.objectContaining({ alarmId: safetyAlarm, enterpriseId: ent.chloralkali, severity: 'critical', message: 'Cl2 at the fence line 3 ppm' })]);
    const templates = (await park.get('/api/v1/incident-templates')).body;
    const leak = templates.find((t: { kind: string }) => t.kind === 'leak_release');
    expect(r.body.checklist.map((i: { templateKey: string }) => i.templateKey)).toEqual(leak.items.map((i: { key: string }) => i.key));
    expect(r.body.checklist.every((i: { status: string }) => i.status === 'open')).toBe(true);
    expect(r.body.timeline).toEqual([expect.objectContaining({ kind: 'raised', actor: 'admin', actorEnterpriseId: null })]);
    expect(r.body.report).toMatchObject({ status: 'draft', cause: '', frozenAt: null });
    expect(r.body.report.summary).toContain('氯气泄漏');
    expect(r.body.report.followUps).toContain('切断泄漏源');
    const en = await park.get(`/api/v1/incidents/${incidentId}?lang=en`);
    expect(en.body.report.followUps).toContain('Isolate the source');
  });

  it('shows an incident to the enterprises it names and to the park only; other enterprises get 404', async () => {
    expect((await refinery.get(`/api/v1/incidents/${incidentId}`)).status).toBe(404);
    expect((await refinery.get(`/api/v1/incidents/${incidentId}/report`)).status).toBe(404);
    expect((await refinery.post(`/api/v1/incidents/${incidentId}/timeline`, { kind: 'message', text: 'hello' })).status).toBe(404);
    expect((await refinery.post(`/api/v1/incidents/${incidentId}/transition`, { to: 'contained' })).status).toBe(404);
    expect((await refinery.patch(`/api/v1/incidents/${incidentId}/checklist/1`, { status: 'done' })).status).toBe(404);
    expect((await refinery.patch(`/api/v1/incidents/${incidentId}`, { title: 'x' })).status).toBe(404);
    expect((await refinery.post(`/api/v1/incidents/${incidentId}/checklist`, { text: 'x' })).status).toBe(404);
    expect((await refinery.post(`/api/v1/incidents/${incidentId}/alarms`, { alarmIds: [safetyAlarm] })).status).toBe(404);
    expect((await refinery.get('/api/v1/incidents')).body.items.map((i: { id: number }) => i.id)).not.toContain(incidentId);

    const own = await chlor.get(`/api/v1/incidents/${incidentId}`);
    expect(own.status).toBe(200);
    expect(own.body.alarms.map((a: { alarmId: number }) => a.alarmId)).toEqual([safetyAlarm]);
    // pvc is affected through its unit: it sees the incident but not chloralkali's alarm.
    const other = await pvc.get(`/api/v1/incidents/${incidentId}`);
    expect(other.status).toBe(200);
    expect(other.body.alarms).toEqual([]);
    const board = (await pvc.get('/api/v1/incidents?state=open')).body;
    expect(board.items.find((i: { id: number }) => i.id === incidentId)).toMatchObject({ alarmCount: 0, checklistTotal: own.body.checklistTotal });
    expect((await viewer.get(`/api/v1/incidents/${incidentId}`)).status).toBe(200);
  });

  it('lets an affected enterprise post messages but not command the incident', async () => {
    const posted = await pvc.post(`/api/v1/incidents/${incidentId}/timeline`, { kind: 'message', text: 'PVC plant: smell of chlorine at gate 2' });
    expect(posted.status).toBe(201);
    const entry = posted.body.timeline.at(-1);
    expect(entry).toMatchObject({ kind: 'message', actor: 'pvc.operator', actorEnterpriseId: ent.pvc, corrects: null });
    for (const [method, url, body] of [
      ['POST', `/api/v1/incidents/${incidentId}/transition`, { to: 'contained' }],
      ['PATCH', `/api/v1/incidents/${incidentId}`, { title: 'mine now' }],
      ['PATCH', `/api/v1/incidents/${incidentId}/checklist/${posted.body.checklist[0].id}`, { status: 'done' }],
      ['POST', `/api/v1/incidents/${incidentId}/checklist`, { text: 'x' }],
      ['POST', `/api/v1/incidents/${incidentId}/alarms`, { alarmIds: [safetyAlarm] }],
    ] as const) {
      const r = await pvc.raw(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(403);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect((await viewer.post(`/api/v1/incidents/${incidentId}/timeline`, { kind: 'message', text: 'regulator note' })).status).toBe(403);
    expect((await chlor.post('/api/v1/incidents', { kind: 'other', severity: 4, title: 'x' })).status).toBe(403);
    expect((await client(server.url).get('/api/v1/incidents')).status).toBe(401);

    // A correction is a new entry naming the old one; only its author makes it.
    expect((await chlor.post(`/api/v1/incidents/${incidentId}/timeline`, { kind: 'message', text: 'no', corrects: entry.id })).status).toBe(400);
    const fixed = await pvc.post(`/api/v1/incidents/${incidentId}/timeline`, { kind: 'message', text: 'PVC plant: smell of chlorine at gate 3', corrects: entry.id });
    expect(fixed.status).toBe(201);
    expect(fixed.body.timeline.filter((e: { id: number }) => e.id === entry.id)[0].text).toBe('PVC plant: smell of chlorine at gate 2');
    expect(fixed.body.timeline.at(-1)).toMatchObject({ corrects: entry.id, text: 'PVC plant: smell of chlorine at gate 3' });
  });

  it('answers hostile input with 400 problem+json naming the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/v1/incidents', { kind: 'leak_release', severity: 3, title: '' }, '/body/title'],
      ['POST', '/api/v1/incidents', { kind: 'leak_release', severity: 3, title: '   ' }, '/body/title'],
      ['POST', '/api/v1/incidents', { kind: 'leak_release', severity: 5, title: 't' }, '/body/severity'],
      ['POST', '/api/v1/incidents', { kind: 'alien', severity: 3, title: 't' }, '/body/kind'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: '3', title: 't' }, '/body/severity'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', owner: 1 }, '/body'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 'a\u202Eb' }, '/body/title'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', description: 'a\u0000b' }, '/body/description'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', lat: 38 }, '/body/lng'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', lat: 91, lng: 0 }, '/body/lat'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', unitIds: [2_000_000_000] }, '/body/unitIds/0'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', enterpriseIds: [1, 1] }, '/body/enterpriseIds'],
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', enterpriseIds: [999_999] }, '/body/enterpriseIds/0'],
      // The park does not see a quality alarm unless it is shared: it is no alarm to link.
      ['POST', '/api/v1/incidents', { kind: 'other', severity: 3, title: 't', alarmIds: [qualityAlarm] }, '/body/alarmIds/0'],
      ['POST', `/api/v1/incidents/${incidentId}/timeline`, { kind: 'state', text: 'x' }, '/body/kind'],
      ['POST', `/api/v1/incidents/${incidentId}/timeline`, { kind: 'message', text: 'x'.repeat(4001) }, '/body/text'],
      ['POST', `/api/v1/incidents/${incidentId}/timeline`, { kind: 'message', text: 'x', corrects: 1e15 }, '/body/corrects'],
      ['PATCH', `/api/v1/incidents/${incidentId}`, {}, '/body'],
      ['PATCH', `/api/v1/incidents/${incidentId}`, { report: { cause: 'x', verdict: 'y' } }, '/body/report'],
      ['PATCH', `/api/v1/incidents/${incidentId}/checklist/1`, { status: 'maybe' }, '/body/status'],
      ['POST', `/api/v1/incidents/${incidentId}/transition`, { to: 'gone' }, '/body/to'],
      ['GET', '/api/v1/incidents?limit=100000', undefined, '/query/limit'],
      ['GET', `/api/v1/incidents/${incidentId}/report?format=html`, undefined, '/query/format'],
    ];
    for (const [method, url, body, path] of cases) {
      const r = await park.raw(method, url, body);
      expect(r.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.type).toBe('https://symbiont.dev/problems/validation');
      expect(r.body.errors.map((e: { path: string }) => e.path).join(' '), `${method} ${url}`).toContain(path);
    }
    expect((await park.get('/api/v1/incidents/2000000000')).status).toBe(404);
    // A non-canonical id names no incident (src/core/http.ts), rather than incident 1.
    expect((await park.get('/api/v1/incidents/0x1')).status).toBe(404);
    expect((await park.get('/api/v1/incidents/99999999999')).status).toBe(404);
    expect((await park.patch(`/api/v1/incidents/${incidentId}/checklist/2000000000`, { status: 'done' })).status).toBe(404);
  });

  it('moves only along its rules: contained before closed, closed only with the report and the required steps, reopened only with a reason', async () => {
    const url = `/api/v1/incidents/${incidentId}`;
    expect((await park.post(`${url}/transition`, { to: 'closed' })).status).toBe(409);
    const contained = await park.post(`${url}/transition`, { to: 'contained' });
    expect(contained.body).toMatchObject({ state: 'contained', nextStates: ['open', 'closed'] });
    expect(contained.body.containedAt).toBeGreaterThan(0);
    const noReport = await park.post(`${url}/transition`, { to: 'closed' });
    expect(noReport.status).toBe(409);
    expect(noReport.body.detail).toMatch(/report/);

    const action = await park.post(`${url}/timeline`, { kind: 'action', text: 'Closed XV-101; water curtain on' });
    const draft = (await park.get(`${url}/report`)).body;
    expect(draft.status).toBe('draft');
    expect(draft.actions).toContain('Closed XV-101; water curtain on');
    const stale = await park.patch(url, { report: { ...pick(draft), cause: 'Gasket failure on the chlorine header' }, version: action.body.version - 1 });
    expect(stale.status).toBe(409);
    const saved = await park.patch(url, { report: { ...pick(draft), cause: 'Gasket failure on the chlorine header' }, version: action.body.version });
    expect(saved.status).toBe(200);
    expect(saved.body.report).toMatchObject({ status: 'edited', cause: 'Gasket failure on the chlorine header' });
    expect(saved.body.timeline.at(-1)).toMatchObject({ kind: 'report' });

    const required = saved.body.checklist.filter((i: { required: boolean }) => i.required);
    const stillOpen = await park.post(`${url}/transition`, { to: 'closed' });
    expect(stillOpen.status).toBe(409);
    expect(stillOpen.body.detail).toMatch(/required checklist/);
    const naWithoutNote = await park.patch(`${url}/checklist/${required[0].id}`, { status: 'not_applicable' });
    expect(naWithoutNote.status).toBe(400);
    const na = await park.patch(`${url}/checklist/${required[0].id}`, { status: 'not_applicable', note: 'nobody downwind: wind from the east' });
    expect(na.body.checklist.find((i: { id: number }) => i.id === required[0].id)).toMatchObject({ status: 'not_applicable', statusBy: 'admin' });
    for (const item of required.slice(1)) expect((await park.patch(`${url}/checklist/${item.id}`, { status: 'done' })).status).toBe(200);
    const added = await park.post(`${url}/checklist`, { text: '复查氯气管线法兰', textEn: 'Re-inspect the chlorine header flanges' });
    expect(added.status).toBe(201);
    expect(added.body.checklist.at(-1)).toMatchObject({ templateKey: null, text: '复查氯气管线法兰', required: false, status: 'open' });

    const closed = await park.post(`${url}/transition`, { to: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', nextStates: ['open'], report: { status: 'frozen', frozenBy: 'admin', cause: 'Gasket failure on the chlorine header' } });
    for (const [method, path, body] of [
      ['PATCH', url, { report: { cause: 'rewritten' } }],
      ['PATCH', url, { title: 'renamed' }],
      ['POST', `${url}/timeline`, { kind: 'message', text: 'late' }],
      ['PATCH', `${url}/checklist/${added.body.checklist.at(-1).id}`, { status: 'done' }],
      ['POST', `${url}/checklist`, { text: 'late item' }],
    ] as const) {
      expect((await park.raw(method, path, body)).status, `${method} ${path}`).toBe(409);
    }
    const frozen = (await chlor.get(`${url}/report`)).body;
    expect(frozen).toMatchObject({ status: 'frozen', cause: 'Gasket failure on the chlorine header' });

    const md = await fetch(`${server.url}${url}/report?format=markdown&lang=en`, { headers: { authorization: `Bearer ${park.token}` } });
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await md.text();
    expect(text).toMatch(/^# Incident report: 氯气泄漏 chlorine leak/);
    expect(text).toContain('## Cause\n\nGasket failure on the chlorine header');
    expect(text).toContain('Level III (Relatively serious, 较大)');
    expect(text).toContain('[-] Alert neighbours');

    expect((await park.post(`${url}/transition`, { to: 'open', reason: '  ' })).status).toBe(400);
    const reopened = await park.post(`${url}/transition`, { to: 'open', reason: 'Fence-line readings rose again' });
    expect(reopened.body).toMatchObject({ state: 'open', closedAt: null, report: { status: 'edited', frozenAt: null } });
    expect(reopened.body.timeline.at(-1)).toMatchObject({ kind: 'state', text: 'Fence-line readings rose again', data: { from: 'closed', to: 'open' } });
  });

  it('keeps the timeline append-only in the store and audits every change', async () => {
    const db = server.services.handle.db;
    await expect(db.updateTable('incident_timeline').set({ text: 'rewritten' }).where('incident_id', '=', incidentId).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('incident_timeline').where('incident_id', '=', incidentId).execute()).rejects.toThrow(/append-only/);
    const audit = (await park.get(`/api/v1/audit?entity=incident&entityId=${incidentId}&limit=200`)).body.items as { action: string; enterpriseId: number | null }[];
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'post', 'update', 'checklist', 'checklist_add', 'transition']));
    expect(actions.filter((a) => a === 'transition')).toHaveLength(3);
    // The enterprise's own post is on its chain; the park's changes on the park's.
    expect(audit.find((a) => a.action === 'post' && a.enterpriseId === ent.pvc)).toBeDefined();
    const outbox = await db.selectFrom('outbox').select('payload').where('subject', '=', 'incidents.incident.changed').execute();
    expect(outbox.map((o) => JSON.parse(o.payload).incidentId)).toContain(incidentId);
  });

  it('links more alarms and raises from nothing (a report by phone)', async () => {
    const phone = await park.post('/api/v1/incidents', { kind: 'utility_failure', severity: 4, title: '110 kV feeder trip', enterpriseIds: [ent.refinery] });
    expect(phone.status).toBe(201);
    expect(phone.body.alarms).toEqual([]);
    expect((await chlor.get(`/api/v1/incidents/${phone.body.id}`)).status).toBe(404);
    const linked = await park.post(`/api/v1/incidents/${phone.body.id}/alarms`, { alarmIds: [safetyAlarm] });
    expect(linked.status).toBe(200);
    expect(linked.body.enterprises.map((e: { code: string }) => e.code).sort()).toEqual(['chloralkali', 'refinery']);
    expect((await chlor.get(`/api/v1/incidents/${phone.body.id}`)).status).toBe(200);
    const again = await park.post(`/api/v1/incidents/${phone.body.id}/alarms`, { alarmIds: [safetyAlarm] });
    expect(again.body.alarms).toHaveLength(1);
    const byEnterprise = (await park.get(`/api/v1/incidents?enterpriseId=${ent.refinery}`)).body.items.map((i: { id: number }) => i.id);
    expect(byEnterprise).toEqual([phone.body.id]);
  });
});

const pick = (r: { summary: string; cause: string; actions: string; followUps: string }) => ({ summary: r.summary, cause: r.cause, actions: r.actions, followUps: r.followUps });
