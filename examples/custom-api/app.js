// Custom APIs sample: every button is one wx.invokeNativePlugin call; the raw answer is shown as-is.
'use strict';

const wx = window.wx;
const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);

function showErrMsg(testId, res) {
  const node = $(testId);
  node.textContent = res && res.errMsg;
  node.dataset.state = res && typeof res.errMsg === 'string' && res.errMsg.endsWith(':ok') ? 'ok' : 'fail';
}

/** Promise style: resolves with the success object, or with the fail object (so callers show both). */
function invoke(apiName, data) {
  return wx.invokeNativePlugin({ api_name: apiName, data }).then((res) => res, (err) => err);
}

function withoutErrMsg(res) {
  const { errMsg: _ignored, ...rest } = res || {};
  return rest;
}

$('call-echo').addEventListener('click', async () => {
  let data;
  try {
    data = JSON.parse($('echo-data').value || '{}');
  } catch (e) {
    showErrMsg('echo-errmsg', { errMsg: `data is not valid JSON: ${e.message}` });
    return;
  }
  const res = await invoke('echo', data);
  showErrMsg('echo-errmsg', res);
  // The handler's return value is the MiniApiCall itself; errMsg is added by the host on the way back.
  $('echo-call').textContent = JSON.stringify(withoutErrMsg(res), null, 2);
});

$('call-systemInfo').addEventListener('click', async () => {
  const res = await invoke('systemInfo', {});
  showErrMsg('systemInfo-errmsg', res);
  $('systemInfo-result').textContent = JSON.stringify(res, null, 2);
});

function renderNotes(res) {
  const list = $('notes');
  list.replaceChildren();
  for (const note of (res && Array.isArray(res.notes) ? res.notes : [])) {
    const li = document.createElement('li');
    li.dataset.testid = 'note';
    li.textContent = typeof note === 'string' ? note : note.text ?? JSON.stringify(note);
    list.append(li);
  }
}

document.getElementById('note-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('note-text');
  const res = await invoke('notes.add', { text: input.value });
  showErrMsg('notes-errmsg', res);
  $('notes-result').textContent = JSON.stringify(res, null, 2);
  if (res.errMsg === 'invokeNativePlugin:ok') {
    input.value = '';
    renderNotes(await invoke('notes.list', {}));
  }
});

$('notes-list').addEventListener('click', async () => {
  const res = await invoke('notes.list', {});
  showErrMsg('notes-errmsg', res);
  $('notes-result').textContent = JSON.stringify(res, null, 2);
  renderNotes(res);
});

$('call-unregistered').addEventListener('click', async () => showErrMsg('unregistered-errmsg', await invoke('payroll.export', {})));
$('call-undeclared').addEventListener('click', async () => showErrMsg('undeclared-errmsg', await invoke('admin.wipe', {})));

if (!wx) {
  $('wx-missing').hidden = false;
  for (const b of document.querySelectorAll('button')) b.disabled = true;
}
