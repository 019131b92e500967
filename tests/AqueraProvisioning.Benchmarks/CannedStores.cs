using System;
using System.Globalization;
using System.Text;

namespace AqueraProvisioning.Benchmarks;

/// <summary>
/// Wire JSON shaped the way the sandbox (and PingOne) renders it: one Aquera store, and pages of 100 stores with a
/// HAL next link, so the benchmarks parse realistic bodies without any network.
/// </summary>
internal static class CannedStores
{
    public const string BaseUrl = "http://127.0.0.1:5000";
    public const string EnvironmentId = "3f1c1f0e-8a57-4b5c-9a0e-2f5d6c7b8a90";
    public const int PageSize = 100;

    public static readonly Uri ApiUrl = new Uri(BaseUrl + "/v1/");

    public static string StoresUrl => BaseUrl + "/v1/environments/" + EnvironmentId + "/propagation/stores";

    public static string Store(int index)
    {
        string id = new Guid(index, 0x1234, 0x5678, 0, 0, 0, 0, 0, 0, 0, 1).ToString();
        string name = "bulk-" + index.ToString("D4", CultureInfo.InvariantCulture);
        return "{\"_links\":{\"self\":{\"href\":\"" + StoresUrl + "/" + id + "\"}},"
            + "\"id\":\"" + id + "\",\"environment\":{\"id\":\"" + EnvironmentId + "\"},"
            + "\"name\":\"" + name + "\",\"type\":\"Aquera\",\"status\":\"INACTIVE\",\"managed\":false,"
            + "\"configuration\":{\"SCIM_URL\":\"" + BaseUrl + "/scim/v2\",\"AUTHENTICATION_METHOD\":\"OAuth Bearer Token\","
            + "\"ACCESS_TOKEN\":\"sandbox-scim-bearer-token-0123456789\",\"CREATE_USERS\":true,\"UPDATE_USERS\":true,"
            + "\"DISABLE_USERS\":true,\"REMOVE_ACTION\":\"Disable\"},"
            + "\"createdAt\":\"2025-11-26T10:00:00.000Z\",\"updatedAt\":\"2025-11-26T10:00:00.000Z\"}";
    }

    /// <summary>Page <paramref name="page"/> (0-based) of <paramref name="pages"/>; all but the last link to the next.</summary>
    public static byte[] Page(int page, int pages)
    {
        var text = new StringBuilder(PageSize * 700);
        text.Append("{\"_links\":{\"self\":{\"href\":\"").Append(PageUrl(page)).Append("\"}");
        if (page + 1 < pages)
        {
            text.Append(",\"next\":{\"href\":\"").Append(PageUrl(page + 1)).Append("\"}");
        }

        text.Append("},\"_embedded\":{\"stores\":[");
        for (int i = 0; i < PageSize; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Store((page * PageSize) + i + 1));
        }

        text.Append("]},\"count\":").Append(pages * PageSize).Append(",\"size\":").Append(PageSize).Append('}');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string PageUrl(int page) =>
        page == 0
            ? StoresUrl + "?limit=" + PageSize.ToString(CultureInfo.InvariantCulture)
            : StoresUrl + "?limit=" + PageSize.ToString(CultureInfo.InvariantCulture) + "&cursor=" + page.ToString(CultureInfo.InvariantCulture);
}
