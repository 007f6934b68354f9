import { expect, it } from 'vitest';
import { createInitiative } from '../support/initiatives.js';
import { describeEachDatabase } from '../support/test-app.js';

// A 1×1 transparent PNG and the smallest PDF file-type recognises.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function form(fields: Record<string, string>, file?: { bytes: Buffer; name: string; field?: string }): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  if (file) data.append(file.field ?? 'file', new Blob([new Uint8Array(file.bytes)]), file.name);
  return data;
}

describeEachDatabase('shared assets as files', (t) => {
  it('uploads a picture, sniffs its type, and serves it only to those its access allows', async () => {
    const ana = await t().person('Ana');
    const bea = await t().person('Bea');
    const org = await t().org(ana);
    await t().join(ana, org, bea, 'member', 'customer');
    const initiative = await createInitiative(t(), ana, org, { launch: true });
    const uploaded = await ana.client.upload<{ id: string; url: string; file: { name: string; mediaType: string; size: number } }>(
      `/api/v1/initiatives/${initiative.id}/assets/files`,
      form({ title: 'Seam close-up', access: 'participants' }, { bytes: PNG, name: '../../seam photo.jpg' }),
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.file).toEqual({ name: 'seam photo.jpg', mediaType: 'image/png', size: PNG.length });
    expect(uploaded.body.url).toBe(`/api/v1/assets/${uploaded.body.id}/file`);

    const download = await t().app.inject({ method: 'GET', url: uploaded.body.url, headers: { cookie: `moebius_session=${bea.client.cookie}` } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await t().app.inject({ method: 'GET', url: uploaded.body.url })).statusCode).toBe(404);
    expect((await t().app.inject({ method: 'GET', url: '/api/v1/assets/nope/file' })).statusCode).toBe(404);

    const pdf = await ana.client.upload<{ file: { mediaType: string } }>(`/api/v1/initiatives/${initiative.id}/assets/files`, form({ title: 'Spec', access: 'everyone' }, { bytes: PDF, name: 'spec.pdf' }));
    expect(pdf.body.file.mediaType).toBe('application/pdf');
    const listed = await t().client().get<{ items: { title: string }[] }>(`/api/v1/initiatives/${initiative.id}/assets`);
    expect(listed.body.items.map((a) => a.title)).toEqual(['Spec']);
  });

  it('refuses what is not a picture or PDF, too large, missing, or badly described', async () => {
    const ana = await t().person('Ana');
    const bea = await t().person('Bea');
    const org = await t().org(ana);
    await t().join(ana, org, bea, 'member', 'customer');
    const initiative = await createInitiative(t(), ana, org, { launch: true });
    const url = `/api/v1/initiatives/${initiative.id}/assets/files`;
    const fields = { title: 'x', access: 'everyone' };
    const script = await ana.client.upload(url, form(fields, { bytes: Buffer.from('<script>alert(1)</script>'), name: 'photo.png' }));
    expect(script.status).toBe(415);
    expect(script.body).toMatchObject({ error: { code: 'unsupported_file_type' } });
    const huge = await ana.client.upload(url, form(fields, { bytes: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), name: 'big.png' }));
    expect(huge.status).toBe(413);
    expect((await ana.client.upload(url, form(fields))).body).toMatchObject({ error: { details: [{ path: '/file' }] } });
    expect((await ana.client.upload(url, form({ title: 'x', access: 'friends' }, { bytes: PNG, name: 'a.png' }))).body).toMatchObject({ error: { details: [{ path: '/access' }] } });
    expect((await ana.client.upload(url, form({ ...fields, colour: 'red' }, { bytes: PNG, name: 'a.png' }))).body).toMatchObject({ error: { details: [{ path: '/colour' }] } });
    expect((await ana.client.upload(url, form(fields, { bytes: PNG, name: 'a.png', field: 'other' }))).status).toBe(422);
    expect((await ana.client.upload(url, form(fields, { bytes: Buffer.alloc(0), name: 'empty.png' }))).status).toBe(422);
    expect((await ana.client.post(url, { title: 'x' })).status).toBe(415);
    expect((await bea.client.upload(url, form(fields, { bytes: PNG, name: 'a.png' }))).status).toBe(403);
    bea.client.csrfToken = null;
    expect((await bea.client.upload(url, form(fields, { bytes: PNG, name: 'a.png' }))).status).toBe(403);
  });
});
