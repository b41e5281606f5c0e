import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseKioskSettings, readKioskSettings } from '../../../src/node/kiosk-settings';
import { formatProblem } from '../../../src/shared/content';

const parse = (text: string) => parseKioskSettings(text, 'kiosk-settings.yaml', '/etc/clinic-kiosk');
const messages = (text: string) => parse(text).problems.map(formatProblem);

describe('the kiosk settings file', () => {
  it('reads the name, the content repository and the health settings, with their defaults', () => {
    const { settings, problems } = parse(
      [
        'name: North waiting room',
        'ca_file: clinic-ca.pem',
        'content:',
        '  source: https://git.clinic.example/kiosks/content.git',
        '  path: sites/north',
        '  token_file: /etc/clinic-kiosk/content-token',
        'health:',
        '  heartbeat_url: https://hc-ping.com/0f4d6a54-5d6f-4f36-8f0a-7e1e1f1b2c3d',
        '  prometheus_file: /var/lib/prometheus/node-exporter/clinic_kiosk.prom',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      name: 'North waiting room',
      caFile: '/etc/clinic-kiosk/clinic-ca.pem',
      repository: {
        address: {
          url: 'https://git.clinic.example/kiosks/content.git',
          transport: 'https',
          display: 'https://git.clinic.example/kiosks/content.git',
        },
        branch: 'main',
        path: 'sites/north',
        updateMs: 5 * 60_000,
        tokenFile: '/etc/clinic-kiosk/content-token',
        caFile: '/etc/clinic-kiosk/clinic-ca.pem',
      },
      health: {
        heartbeatUrl: 'https://hc-ping.com/0f4d6a54-5d6f-4f36-8f0a-7e1e1f1b2c3d',
        heartbeatMs: 5 * 60_000,
        prometheusFile: '/var/lib/prometheus/node-exporter/clinic_kiosk.prom',
        caFile: '/etc/clinic-kiosk/clinic-ca.pem',
      },
    });
  });

  it('says where each mistake is, and what to write instead', () => {
    expect(
      messages(
        [
          'content:',
          '  source: http://git.clinic.example/content.git',
          '  branch: a..b',
          '  update_minutes: 0',
          '  tokn_file: x',
          'health:',
          '  prometheus_file: /tmp/kiosk.txt',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      expect.stringMatching(
        /^kiosk-settings\.yaml:2:11 content\.source is wrong: the repository address starts with http:\/\//,
      ),
      expect.stringMatching(
        /^kiosk-settings\.yaml:3:11 content\.branch is wrong: "a\.\.b" is not a branch name/,
      ),
      'kiosk-settings.yaml:4:19 content.update_minutes must be at least 0.05 minutes',
      'kiosk-settings.yaml:5:3 unknown setting "tokn_file": check the spelling, or remove it',
      'kiosk-settings.yaml:7:20 health.prometheus_file must end with .prom: node_exporter reads only files named that way',
    ]);
    expect(parse('content:\n  source: http://x/y\n').settings).toBeUndefined();
  });

  it('refuses a token written in the source address, without repeating it', () => {
    const [message] = messages('content:\n  source: https://kiosk:glpat-secret@gitlab.example/c.git\n');
    expect(message).toMatch(/has a password or token in it/);
    expect(message).not.toContain('glpat-secret');
  });

  it('is read with the same care as content: YAML bombs and deep nesting are refused, located', () => {
    expect(messages(`name: &a [x]\nb: [${'*a,'.repeat(30)}]\n`)).toEqual([
      expect.stringMatching(/repeat earlier values/),
    ]);
  });
});

describe('reading the settings file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('finds no file no mistake, and reads paths from the file’s own folder', async () => {
    expect(await readKioskSettings(join(folder, 'kiosk-settings.yaml'))).toEqual({
      problems: [],
      found: false,
    });
    writeFileSync(
      join(folder, 'kiosk-settings.yaml'),
      'content:\n  source: git@github.com:clinic/content.git\n  ssh_key_file: deploy_key\n',
    );
    const read = await readKioskSettings(join(folder, 'kiosk-settings.yaml'));
    expect(read.settings?.repository?.sshKeyFile).toBe(join(folder, 'deploy_key'));
  });

  it('refuses a pipe named like the settings file at once, instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [join(folder, 'kiosk-settings.yaml')]);
    expect(
      (await readKioskSettings(join(folder, 'kiosk-settings.yaml'))).problems.map(formatProblem),
    ).toEqual(['kiosk-settings.yaml is not an ordinary file']);
  });

  it('refuses a file far too big, or not UTF-8, without parsing it', async () => {
    writeFileSync(join(folder, 'kiosk-settings.yaml'), 'x'.repeat(70_000));
    expect(
      (await readKioskSettings(join(folder, 'kiosk-settings.yaml'))).problems.map(formatProblem),
    ).toEqual(['kiosk-settings.yaml is far too big to be a settings file: check that it is the right file']);
    writeFileSync(
      join(folder, 'kiosk-settings.yaml'),
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff]),
    );
    expect(
      (await readKioskSettings(join(folder, 'kiosk-settings.yaml'))).problems.map(formatProblem),
    ).toEqual(['kiosk-settings.yaml is not saved as plain UTF-8 text']);
  });
});
