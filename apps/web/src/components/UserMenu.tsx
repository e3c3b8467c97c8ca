'use client';

import { useState } from 'react';
import { useMe } from '../api/queries';
import { signOutAndLeave } from '../auth/sign-in';

/** The signed-in user and a "Sign out" button. */
export function UserMenu() {
  const me = useMe();
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="user-menu">
      {me.data ? (
        <span>
          <strong>{me.data.name}</strong> · {me.data.role}
        </span>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOutAndLeave();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
