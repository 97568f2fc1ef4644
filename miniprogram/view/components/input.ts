import { stringAttr } from './attr-values';
import { defineBuiltin, truthy } from './registry';
import { textField } from './text-field';

/** confirm-type -> the Enter key's label hint of a virtual keyboard (harmless on a desktop) */
const ENTER_HINTS: Record<string, string> = { send: 'send', search: 'search', next: 'next', go: 'go', done: 'done' };

/**
 * <input>: type text/number/digit/idcard/safe-password/nickname, password, confirm-type, and the shared
 * text-field behaviour. Enter sends confirm {value} (focus stays: a desktop has no keyboard to close).
 */
defineBuiltin({
  tag: 'input',
  create: (ctx) => {
    const input = document.createElement('input');
    input.type = 'text';
    input.autocomplete = 'off';
    let password = false;
    let type = 'text';
    const applyType = () => {
      input.type = password || type === 'safe-password' ? 'password' : 'text';
      input.inputMode = type === 'number' || type === 'idcard' ? 'numeric' : type === 'digit' ? 'decimal' : 'text';
    };
    const { instance } = textField(ctx, 'wx-input', input, (name, value) => {
      if (name === 'type') {
        type = stringAttr(value, 'text');
        applyType();
        return true;
      }
      if (name === 'password') {
        password = truthy(value);
        applyType();
        return true;
      }
      if (name === 'confirm-type') {
        input.enterKeyHint = ENTER_HINTS[stringAttr(value)] ?? 'done';
        return true;
      }
      return ['confirm-hold', 'cursor', 'selection-start', 'selection-end', 'adjust-position', 'hold-keyboard', 'cursor-spacing', 'always-embed', 'safe-password-cert-path', 'safe-password-length', 'safe-password-time-stamp', 'safe-password-nonce', 'safe-password-salt', 'safe-password-custom-hash'].includes(name);
    });
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.isComposing) ctx.emit('confirm', { value: input.value });
    });
    return instance;
  },
});
