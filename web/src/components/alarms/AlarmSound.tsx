/**
 * The optional sound of a new alarm: a short two-tone chime made with the Web Audio API (no audio
 * file to serve or cache), off by default, the choice remembered in this browser.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { Switch, Tooltip } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const STORAGE_KEY = 'symbiont.alarmSound';
const subscribers = new Set<() => void>();

function readSetting(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

let enabled = typeof window !== 'undefined' && readSetting();
let context: AudioContext | null = null;

/**
 * The audio context, made (or resumed) on the click that turns the sound on: browsers let a page
 * play only after a gesture, so a context made later, by an alarm, would stay silent.
 */
function audio(): AudioContext | null {
  if (typeof window === 'undefined' || typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

/** Plays the chime if the sound is on (and the browser lets the page play). */
export function playAlarmTone(): void {
  if (!enabled) return;
  const ctx = audio();
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime + 0.01;
  // Two notes a fifth apart, each with a quick attack and decay so they do not click.
  [880, 1320].forEach((hz, i) => {
    const at = start + i * 0.18;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(hz, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.17);
  });
}

function setEnabled(on: boolean) {
  enabled = on;
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  if (on) audio();
  for (const s of subscribers) s();
}

function subscribe(fn: () => void) {
  subscribers.add(fn);
  return () => {
    subscribers.delete(fn);
  };
}

export function useAlarmSoundEnabled(): boolean {
  return useSyncExternalStore(subscribe, () => enabled, () => false);
}

/** The switch on the alarm list; turning it on plays the chime once, so the user hears what it sounds like. */
export function AlarmSoundToggle() {
  const { t } = useTranslation();
  const on = useAlarmSoundEnabled();
  const toggle = useCallback((v: boolean) => {
    setEnabled(v);
    if (v) window.setTimeout(playAlarmTone, 50);
  }, []);
  return (
    <Tooltip title={t('alarms.sound.help')}>
      <Switch
        checked={on}
        onChange={toggle}
        checkedChildren={<><SoundOutlined /> {t('alarms.sound.on')}</>}
        unCheckedChildren={t('alarms.sound.off')}
        data-testid="alarm-sound"
        aria-label={t('alarms.sound.label')}
      />
    </Tooltip>
  );
}
