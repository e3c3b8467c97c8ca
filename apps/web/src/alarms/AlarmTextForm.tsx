'use client';

import { useId, useState, type FormEvent, type ReactNode } from 'react';

/** One-field form (comment, assign, reasons) with its submit and cancel. */
export function TextForm({
  label,
  submit,
  placeholder,
  initial = '',
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  submit: string;
  placeholder?: string;
  initial?: string;
  busy: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const send = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(text.trim());
  };
  return (
    <form className="alarm-form" aria-label={submit} onSubmit={send}>
      {children}
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          className="input"
          value={text}
          placeholder={placeholder}
          maxLength={2000}
          autoFocus
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onCancel();
            }
          }}
        />
      </div>
      <div className="alarm-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
