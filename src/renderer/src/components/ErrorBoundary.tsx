import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Called by "Back to start", after the boundary has cleared its error. */
  onReset: () => void;
}

interface State {
  error: Error | null;
}

// Error boundaries can only be class components in React 19.
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Rehearse hit an unexpected error', error, info.componentStack);
  }

  private readonly reset = () => {
    this.setState({ error: null });
    this.props.onReset();
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="page">
        <section className="card card--center" role="alert">
          <h1>Something went wrong</h1>
          <p className="muted">
            Rehearse hit an unexpected problem on this screen. Your answers are saved as you go, so
            nothing should be lost.
          </p>
          <pre className="error-detail">{error.message}</pre>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={this.reset}>
              Back to start
            </button>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        </section>
      </main>
    );
  }
}
