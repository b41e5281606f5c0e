import { execFile } from 'node:child_process';
import { canonicalLanguage } from '../../shared/languages';
import { processEnvironment } from '../environment';

/**
 * The computer's own speech engines, run as programs of their own, offline. On Linux: eSpeak NG
 * (Debian's `espeak-ng` package; GPL-3.0, run as a separate program, never linked in), which
 * speaks every built-in language but Tagalog. On Windows: the voices Windows has installed, through
 * System.Speech (SAPI), which every Windows has. Both read SSML from their standard input and write
 * a WAV file, so no text from the content ever becomes part of a command line.
 */
export interface SpeechEngine {
  /** For the log and the cache key: which engine, and its version. */
  readonly name: string;
  /** The engine's voice for a language, or undefined when it has none. */
  voiceFor(language: string): Promise<string | undefined>;
  /** Speaks `ssml` with `voice` into the WAV file `file`. */
  synthesize(ssml: string, voice: string, file: string): Promise<void>;
}

/** Long enough for a screen of text on a slow kiosk computer. */
const SYNTHESIS_TIMEOUT_MS = 60_000;

/** Runs a program with `input` on its standard input, bounded in time and in what it may print. */
export function run(
  command: string,
  args: readonly string[],
  input = '',
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { timeout: SYNTHESIS_TIMEOUT_MS, maxBuffer: 1024 * 1024, windowsHide: true, ...(env ? { env } : {}) },
      (error, stdout) => {
        if (error) reject(new Error(error.message, { cause: error }));
        else resolve(stdout);
      },
    );
    child.stdin?.end(input);
  });
}

/** Languages written with a code eSpeak NG names differently. */
const ESPEAK_NAMES: Readonly<Record<string, string>> = { zh: 'cmn', 'zh-hans': 'cmn', 'zh-hant': 'cmn' };

export function espeakEngine(command = 'espeak-ng'): SpeechEngine {
  let voices: Promise<ReadonlySet<string>> | undefined;
  const listVoices = async () => {
    const listing = await run(command, ['--voices']);
    // Each line after the header: Pty Language Age/Gender VoiceName File Other Languages
    return new Set(
      listing
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/)[1]?.toLowerCase())
        .filter((language): language is string => language !== undefined && language !== ''),
    );
  };
  return {
    name: `espeak-ng`,
    async voiceFor(language) {
      voices ??= listVoices();
      const known = await voices;
      const code = (canonicalLanguage(language) ?? language).toLowerCase();
      const base = code.split('-')[0] ?? code;
      for (const wanted of [ESPEAK_NAMES[code] ?? code, ESPEAK_NAMES[base] ?? base]) {
        if (known.has(wanted)) return wanted;
        // "en" is spoken by "en-gb", "en-us"...: the first of them.
        const regional = [...known].find((voice) => voice.startsWith(`${wanted}-`));
        if (regional !== undefined) return regional;
      }
      return undefined;
    },
    async synthesize(ssml, voice, file) {
      // -m: the input is SSML; -w: a WAV file with its real length in the header.
      await run(command, ['-m', '-v', voice, '-s', '150', '-w', file, '--stdin'], ssml);
    },
  };
}

/**
 * Windows' own voices. The PowerShell script is fixed; the culture and the output file reach it
 * as environment variables and the SSML on its standard input.
 */
const SAPI_SCRIPT = `
Add-Type -AssemblyName System.Speech
$synth = New-Object System.Speech.Synthesis.SpeechSynthesizer
$culture = [System.Globalization.CultureInfo]::GetCultureInfo($env:KIOSK_SPEECH_CULTURE)
$voice = $synth.GetInstalledVoices($culture) | Where-Object { $_.Enabled } | Select-Object -First 1
if (-not $voice) { exit 3 }
if ($env:KIOSK_SPEECH_LIST -eq '1') { Write-Output $voice.VoiceInfo.Name; exit 0 }
$synth.SelectVoice($voice.VoiceInfo.Name)
$synth.SetOutputToWaveFile($env:KIOSK_SPEECH_FILE)
$synth.SpeakSsml([Console]::In.ReadToEnd())
$synth.Dispose()
`;

export function sapiEngine(): SpeechEngine {
  const encoded = Buffer.from(SAPI_SCRIPT, 'utf16le').toString('base64');
  const powershell = (env: Record<string, string>, input = '') =>
    run('powershell.exe', ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded], input, {
      ...processEnvironment(),
      ...env,
    });
  return {
    name: 'windows-sapi',
    async voiceFor(language) {
      try {
        const name = await powershell({ KIOSK_SPEECH_CULTURE: language, KIOSK_SPEECH_LIST: '1' });
        return name.trim() === '' ? undefined : language;
      } catch {
        return undefined;
      }
    },
    async synthesize(ssml, voice, file) {
      await powershell({ KIOSK_SPEECH_CULTURE: voice, KIOSK_SPEECH_FILE: file }, ssml);
    },
  };
}

/** The engine this computer has: Windows' voices on Windows, eSpeak NG elsewhere. */
export function systemSpeechEngine(platform: NodeJS.Platform = process.platform): SpeechEngine {
  return platform === 'win32' ? sapiEngine() : espeakEngine();
}
