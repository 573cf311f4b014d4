/**
 * A render error anywhere in the pane shows one Italian sentence instead of a blank pane; the
 * workbook is untouched (writes happen only through the host, never during a render).
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { pane } from "../strings/it";

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" data-testid="pane-error" style={{ font: "14px 'Segoe UI', sans-serif", padding: 16 }}>
        {pane.errors.generic}
      </p>
    );
  }
}
