import { registerLabelTarget, requestFormAction } from './form-field';
import { attachHover } from './hover';
import { defineBuiltin, truthy, type BuiltinContext } from './registry';

/** open-types this desktop shell cannot do: the button answers binderror with a clear reason */
const UNSUPPORTED_OPEN_TYPES = new Set(['contact', 'share', 'feedback', 'launchApp', 'chooseAvatar', 'liveActivity', 'agreePrivacyAuthorization']);

/**
 * <button>: type default/primary/warn, size default/mini, plain, disabled, loading, hover-class (WeChat's
 * "button-hover" by default). A desktop control: focusable, Enter and Space press it, focus ring from
 * view.css; a disabled button sends no tap. form-type submit/reset acts on the enclosing form. A label it
 * belongs to (`for` its id, or around it) clicks it: one tap from the button, and its form-type/open-type.
 * open-type: getPhoneNumber asks the platform through the trusted sheet (wx.getPhoneNumber of the page)
 * and sends getphonenumber {errMsg, code} (getRealtimePhoneNumber: getrealtimephonenumber); getUserInfo sends getuserinfo with the host's answer;
 * openSetting sends opensetting {errMsg, authSetting}; the rest send error {errMsg: "<type>:fail ..."}.
 */
defineBuiltin({
  tag: 'button',
  create: (ctx) => {
    const element = document.createElement('wx-button');
    element.setAttribute('role', 'button');
    element.tabIndex = 0;
    element.dataset['type'] = 'default';
    const hover = attachHover(element, { hoverClass: 'button-hover', startTime: 20, stayTime: 70 });
    let formType = '';
    let openType = '';
    const press = () => {
      if (element.hasAttribute('data-wx-disabled') || element.hasAttribute('data-loading')) return;
      if (formType === 'submit' || formType === 'reset') requestFormAction(element, formType);
      if (openType) void runOpenType(ctx, openType);
    };
    element.addEventListener('click', press);
    // a click of the button where the label was clicked: the page gets the button's tap (user-events.ts), and press runs
    registerLabelTarget(element, (click) => {
      const { clientX, clientY, screenX, screenY, ctrlKey, shiftKey, altKey, metaKey } = click;
      element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, clientX, clientY, screenX, screenY, ctrlKey, shiftKey, altKey, metaKey }));
    });
    element.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
      if (element.hasAttribute('data-wx-disabled')) return;
      const rect = element.getBoundingClientRect();
      ctx.emit('tap', { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }, { bubbles: true });
      press();
    });
    return {
      element,
      set(name, value) {
        switch (name) {
          case 'type':
            element.dataset['type'] = value === 'primary' || value === 'warn' ? value : 'default';
            return true;
          case 'size':
            element.dataset['size'] = value === 'mini' ? 'mini' : 'default';
            return true;
          case 'plain':
            element.toggleAttribute('data-plain', truthy(value));
            return true;
          case 'loading':
            element.toggleAttribute('data-loading', truthy(value));
            element.setAttribute('aria-busy', String(truthy(value)));
            return true;
          case 'disabled':
            element.toggleAttribute('data-wx-disabled', truthy(value));
            element.setAttribute('aria-disabled', String(truthy(value)));
            element.tabIndex = truthy(value) ? -1 : 0;
            return true;
          case 'form-type':
            formType = String(value ?? '');
            return true;
          case 'open-type':
            openType = String(value ?? '');
            return true;
          case 'lang':
          case 'session-from':
          case 'send-message-title':
          case 'send-message-path':
          case 'send-message-img':
          case 'app-parameter':
          case 'show-message-card':
          case 'phone-number-no-quota-toast':
            return true;
          default:
            return hover(name, value);
        }
      },
    };
  },
});

async function runOpenType(ctx: BuiltinContext, openType: string): Promise<void> {
  if (openType === 'getPhoneNumber') {
    ctx.emit('getphonenumber', await ctx.callHost('getPhoneNumber', {}));
  } else if (openType === 'getRealtimePhoneNumber') {
    // its own event (bindgetrealtimephonenumber) and errMsg; the platform's answer is the same kind of code
    const answer = await ctx.callHost('getPhoneNumber', {});
    ctx.emit('getrealtimephonenumber', { ...answer, errMsg: String(answer['errMsg'] ?? '').replace(/^getPhoneNumber:/, 'getRealtimePhoneNumber:') });
  } else if (openType === 'getUserInfo') {
    ctx.emit('getuserinfo', await ctx.callHost('getUserInfo', {}));
  } else if (openType === 'openSetting') {
    const answer = await ctx.callHost('openSetting', {});
    ctx.emit('opensetting', { ...answer, errMsg: String(answer['errMsg'] ?? '') });
  } else if (UNSUPPORTED_OPEN_TYPES.has(openType)) {
    const errMsg = `${openType}:fail not supported in this desktop shell`;
    console.warn(`button open-type="${openType}": ${errMsg}`);
    ctx.emit('error', { errMsg });
  }
}
