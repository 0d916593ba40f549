/**
 * A modal panel on the native <dialog>: the browser keeps focus inside it and Escape closes it,
 * for keyboard and switch users as much as for touch.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  testId: string;
  /** Hide the close button when the content's own buttons are the only ways out. */
  closable?: boolean;
}

export function Dialog({ title, onClose, children, testId, closable = true }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `${testId}-title`;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (closable) onClose();
      }}
    >
      <div class="dialog__head">
        <h2 id={titleId} class="dialog__title">
          {title}
        </h2>
        {closable && (
          <button type="button" class="button button--quiet dialog__close" onClick={onClose} data-testid={`${testId}-close`}>
            {t('nav.close')}
          </button>
        )}
      </div>
      <div class="dialog__body">{children}</div>
    </dialog>
  );
}
