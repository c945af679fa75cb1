import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

/** What a shopper sees and does in the header and on the login page. */
export class ShopPages {
  constructor(private readonly page: Page) {}

  async openHome(): Promise<void> {
    await this.page.goto(`${baseUrl()}/`);
    await this.page.getByTestId('home-title').waitFor();
  }

  homeTitle(): Promise<string> {
    return this.page.getByTestId('home-title').innerText();
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('lang-switch').click();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId('login-link').click();
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  accountMenu() {
    return this.page.getByTestId('account-menu');
  }

  /** Opens the account menu and reads who is signed in, with which role. */
  async signedInAs(): Promise<{ email: string; role: string }> {
    await this.accountMenu().getByRole('button', { expanded: false }).click();
    return {
      email: await this.page.getByTestId('account-email').innerText(),
      role: await this.page.getByTestId('account-role').innerText(),
    };
  }
}
