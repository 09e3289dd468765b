namespace Switchboard.Server.Contacts;

public static class ContactsExtensions
{
    public static WebApplicationBuilder AddContacts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContactService>();
        return builder;
    }
}
