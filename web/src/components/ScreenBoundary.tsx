/**
 * Catches what a screen throws while rendering, or a screen's code that fails to load (after an
 * upgrade, an open tab may ask for files that are gone): the page says so and offers a reload,
 * instead of going blank. The app gives each address its own boundary, so moving on clears it.
 */
import { Component, type ReactNode } from 'react';

interface State {
  readonly failed: boolean;
}

export class ScreenBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-box" role="alert">
        <p><strong>This page could not be shown.</strong> allpath may have been updated since this tab opened.</p>
        <button type="button" onClick={() => window.location.reload()}>Reload the page</button>
      </div>
    );
  }
}
