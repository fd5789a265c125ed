/**
 * Rendering the pane in jsdom without a testing library: createRoot + act, and small helpers
 * that find controls the way a clerk does (by their visible name).
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout, so nothing ever resizes; Fluent's MessageBar still constructs one.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount(): void;
}

export async function render(ui: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
  });
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** Settle pending promises and effects. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

export async function selectOption(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
    setter.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The form control whose <label> reads `label`. */
export function labelled<T extends HTMLElement>(container: HTMLElement, label: string): T {
  const l = [...container.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
  const id = l?.getAttribute('for');
  const el = id ? container.ownerDocument.getElementById(id) : null;
  if (!el) throw new Error(`no control labelled ${label}`);
  return el as T;
}

/** The control whose aria-label reads `label` (controls labelled without a visible <label>). */
export function named<T extends HTMLElement>(container: HTMLElement, label: string): T {
  const el = container.querySelector(`[aria-label="${label}"]`);
  if (!el) throw new Error(`no control named ${label}`);
  return el as T;
}
