/**
 * The audible alert for a new critical alarm: two short tones made with Web Audio (no sound
 * files). Browsers only allow sound after the user has interacted with the page; before that
 * the tone is skipped and the banner's flash is the alert.
 */
let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  context = new window.AudioContext();
  return context;
}

/** Two 880 Hz beeps of 180 ms. Returns false when the browser cannot or may not play. */
export function playAlarmTone(): boolean {
  const audio = audioContext();
  if (!audio) return false;
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  if (audio.state !== 'running') return false;
  const start = audio.currentTime + 0.02;
  for (const offset of [0, 0.28]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  }
  return true;
}

/** Call from a user gesture (the mute toggle, a click) so later tones are allowed. */
export function unlockAlarmTone(): void {
  const audio = audioContext();
  if (audio?.state === 'suspended') void audio.resume().catch(() => undefined);
}
