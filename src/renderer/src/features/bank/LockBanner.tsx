import { TextField } from '../../components/TextField';

interface LockBannerProps {
  pin: string;
  onPin: (pin: string) => void;
}

/**
 * Shown while the bank is locked: browsing and practising still work, and every change sends
 * the PIN typed here (the services check it; it is kept only while this screen is open).
 */
export function LockBanner({ pin, onPin }: LockBannerProps) {
  return (
    <section className="lock-banner" aria-labelledby="lock-banner-title">
      <div className="lock-banner__text">
        <p id="lock-banner-title" className="lock-banner__title">
          <span className="lock-banner__mark" aria-hidden="true" />
          The question bank is locked by the lab administrator
        </p>
        <p className="small">
          You can browse and practise any question. To add, edit, import or remove questions, enter
          the administrator PIN.
        </p>
      </div>
      <div className="lock-banner__pin">
        <TextField
          label="Administrator PIN"
          value={pin}
          onChange={(v) => onPin(v.replace(/\D/g, ''))}
          type="password"
          inputMode="numeric"
          maxLength={12}
        />
      </div>
    </section>
  );
}
