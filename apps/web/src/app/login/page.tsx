import { LoginForm } from '../../components/LoginForm';

export default function LoginPage() {
  return (
    <main className="centered">
      <LoginForm />
    </main>
  );
}
