import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MIC_CONSENT_KEY, VoiceControls } from '@/components/voice/voice-controls';
import { I18nProvider } from '@/lib/i18n/provider';

const stats = { sentences: 0, requests: 0, buffers: 0, seconds: 0, active: 0, stops: 0, utterances: 0, firstAudioMs: null };

function renderControls(onMic: () => void, listening = false) {
  return render(
    <I18nProvider locale="en">
      <VoiceControls
        inputState={listening ? 'listening' : 'idle'}
        listening={listening}
        onMic={onMic}
        voiceOn={false}
        onToggleVoice={() => undefined}
        playerState="idle"
        stats={stats}
        onStopSpeaking={() => undefined}
      />
    </I18nProvider>,
  );
}

beforeEach(() => window.localStorage.clear());

test('asks once before the microphone first records, explains what happens to the voice, and remembers the answer', async () => {
  const onMic = jest.fn();
  const user = userEvent.setup();
  renderControls(onMic);
  const mic = screen.getByRole('button', { name: 'Speak your question' });

  await user.click(mic);
  const dialog = screen.getByRole('alertdialog', { name: 'Use your microphone?' });
  expect(dialog).toHaveAccessibleDescription(/turned into text and sent as your message/);
  expect(screen.getByRole('button', { name: 'Not now' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(onMic).not.toHaveBeenCalled();
  expect(mic).toHaveFocus();

  await user.click(mic);
  await user.click(screen.getByRole('button', { name: 'Allow and start' }));
  expect(onMic).toHaveBeenCalledTimes(1);
  expect(window.localStorage.getItem(MIC_CONSENT_KEY)).toBe('1');

  await user.click(mic);
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(onMic).toHaveBeenCalledTimes(2);
});

test('keeps the focus inside the dialog (Tab cycles) and never pulses for reduced motion', async () => {
  const user = userEvent.setup();
  const { unmount } = renderControls(jest.fn());
  await user.click(screen.getByTestId('mic-button'));
  await user.tab();
  expect(screen.getByRole('button', { name: 'Allow and start' })).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('button', { name: 'Not now' })).toHaveFocus();
  await user.tab({ shift: true });
  expect(screen.getByRole('button', { name: 'Allow and start' })).toHaveFocus();
  unmount();
  renderControls(jest.fn(), true);
  expect(screen.getByTestId('mic-button').className).toMatch(/motion-reduce:animate-none/);
});
