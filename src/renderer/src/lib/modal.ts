import type { Attachment } from 'svelte/attachments';

/**
 * Shows a `<dialog>` as a modal for as long as it is on the page: the browser keeps focus inside
 * it, makes the page behind it inert and, when it closes, gives focus back to where it was.
 * Escape asks `oncancel` to close it; the dialog leaves the page when its owner stops showing it.
 */
export function modal(oncancel: () => void): Attachment<HTMLDialogElement> {
  return (dialog) => {
    const cancel = (event: Event) => {
      event.preventDefault();
      oncancel();
    };
    dialog.addEventListener('cancel', cancel);
    dialog.showModal();
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  };
}
