/** The dialog page of dialog.ts: shows the notice from the URL fragment; 确定 tells the ribbon to close it. */
import { readMessage } from './dialog';

function render(): void {
  const m = readMessage(location.hash);
  const text = document.getElementById('text')!;
  const other = document.getElementById('other') as HTMLDetailsElement;
  const ok = document.getElementById('ok') as HTMLButtonElement;
  if (!m) {
    text.textContent = '没有可显示的消息（No message）';
    other.hidden = true;
  } else {
    const mine = m.lang === 'en' ? m.en : m.zh;
    const theirs = m.lang === 'en' ? m.zh : m.en;
    text.textContent = mine;
    text.classList.toggle('failed', !m.ok);
    document.documentElement.lang = m.lang === 'en' ? 'en' : 'zh-CN';
    other.querySelector('summary')!.textContent = m.lang === 'en' ? '中文' : 'English';
    other.querySelector('p')!.textContent = theirs;
    other.hidden = !theirs;
    ok.textContent = m.lang === 'en' ? 'OK' : '确定';
  }
  ok.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
    else window.close();
  });
  ok.focus();
}

if (typeof Office !== 'undefined') void Office.onReady(render);
else render();
